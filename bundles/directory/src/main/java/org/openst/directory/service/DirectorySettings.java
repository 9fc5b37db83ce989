package org.openst.directory.service;

import static org.openst.support.config.ConfigChecks.atLeast;
import static org.openst.support.config.ConfigChecks.notBlank;

/**
 * The directory service's configuration, validated (keys: {@link DirectoryService.Config}).
 *
 * @param bookName   the address book's name clients see
 * @param pageSize   users per SEARCH page
 * @param maxMembers the most members one group-contents reply lists
 * @param maxOpen    open directories per channel
 * @param threads    workers that call the directory
 * @param queueSize  channels whose requests may wait for a worker
 * @param maxPending unanswered requests one channel may have
 */
record DirectorySettings(String bookName, int pageSize, int maxMembers, int maxOpen, int threads, int queueSize,
        int maxPending) {

    DirectorySettings {
        bookName = notBlank("book.name", bookName);
        atLeast("page.size", pageSize, 1);
        atLeast("max.members", maxMembers, 1);
        atLeast("max.open", maxOpen, 1);
        atLeast("threads", threads, 1);
        atLeast("queue.size", queueSize, 1);
        atLeast("max.pending", maxPending, 1);
    }

    static DirectorySettings from(DirectoryService.Config c) {
        return new DirectorySettings(c.book_name(), c.page_size(), c.max_members(), c.max_open(), c.threads(),
                c.queue_size(), c.max_pending());
    }
}
