package org.openst.users.impl;

import java.lang.annotation.Annotation;

/** A {@link UsersAuthority.Config} with the annotation's defaults, changed with the withers. */
final class TestConfig implements UsersAuthority.Config {
    private boolean guestsEnabled;
    private String guestName = "Guest";
    private String[] guestsServices = {"0x1000", "0x11", "0x15", "0x80000010", "0x80000022"};
    private long validityMinutes = 60;
    private long maxValidityMinutes = 1440;
    private String tokenKey = "";

    static TestConfig defaults() {
        return new TestConfig();
    }

    TestConfig guests(boolean enabled, String... services) {
        guestsEnabled = enabled;
        if (services.length > 0) {
            guestsServices = services;
        }
        return this;
    }

    TestConfig guestName(String name) {
        guestName = name;
        return this;
    }

    TestConfig validity(long minutes, long maxMinutes) {
        validityMinutes = minutes;
        maxValidityMinutes = maxMinutes;
        return this;
    }

    TestConfig tokenKey(String base64) {
        tokenKey = base64;
        return this;
    }

    @Override
    public boolean guests_enabled() {
        return guestsEnabled;
    }

    @Override
    public String guest_name() {
        return guestName;
    }

    @Override
    public String[] guests_services() {
        return guestsServices.clone();
    }

    @Override
    public long token_validity_minutes() {
        return validityMinutes;
    }

    @Override
    public long token_max_validity_minutes() {
        return maxValidityMinutes;
    }

    @Override
    public String _token_key() {
        return tokenKey;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return UsersAuthority.Config.class;
    }
}
