package org.openst.directory.service;

import java.util.Map;

import org.openst.support.testing.Configs;

/** Hand-made configurations of the directory component. */
final class TestConfig {

    private TestConfig() {
    }

    static DirectoryService.Config config(String bookName, int pageSize, int maxMembers, int maxOpen, int threads,
            int queueSize) {
        return Configs.of(DirectoryService.Config.class, Map.of("book_name", bookName, "page_size", pageSize,
                "max_members", maxMembers, "max_open", maxOpen, "threads", threads, "queue_size", queueSize,
                "max_pending", 1000));
    }

    static DirectoryService.Config pageSize(int pageSize) {
        return config("Community directory", pageSize, 1000, 16, 2, 1000);
    }
}
