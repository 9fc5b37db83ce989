package org.openst.directory.service;

import java.lang.annotation.Annotation;

/** Hand-made configurations of the directory component. */
final class TestConfig {

    private TestConfig() {
    }

    static DirectoryService.Config config(String bookName, int pageSize, int maxMembers, int maxOpen, int threads,
            int queueSize) {
        return new DirectoryService.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DirectoryService.Config.class;
            }

            @Override
            public String book_name() {
                return bookName;
            }

            @Override
            public int page_size() {
                return pageSize;
            }

            @Override
            public int max_members() {
                return maxMembers;
            }

            @Override
            public int max_open() {
                return maxOpen;
            }

            @Override
            public int threads() {
                return threads;
            }

            @Override
            public int queue_size() {
                return queueSize;
            }

            @Override
            public int max_pending() {
                return 1000;
            }

            @Override
            public int service_ranking() {
                return 0;
            }
        };
    }

    static DirectoryService.Config pageSize(int pageSize) {
        return config("Community directory", pageSize, 1000, 16, 2, 1000);
    }
}
