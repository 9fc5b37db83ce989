package org.openst.users.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.openst.users.api.LoginTokens;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shell command {@code openst:token <userId> [minutes]}: issues a login token and prints it with
 * its expiry. A plain object with the Gogo service properties (Gogo calls the public methods named
 * like the function), so the bundle needs no Gogo import and works without a shell.
 */
@Component(service = TokenCommand.class, property = {"osgi.command.scope=openst", "osgi.command.function=token"})
public final class TokenCommand {

    private final LoginTokens tokens;
    private final Clock clock;

    @Activate
    public TokenCommand(@Reference LoginTokens tokens) {
        this(tokens, Clock.systemUTC());
    }

    TokenCommand(LoginTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** {@code openst:token alice}: a token with the configured default validity. */
    public String token(String userId) {
        return issue(userId, tokens.defaultValidity());
    }

    /** {@code openst:token alice 30}: a token valid for that many minutes. */
    public String token(String userId, int minutes) {
        if (minutes <= 0) {
            throw new IllegalArgumentException("minutes must be a positive number, not " + minutes);
        }
        return issue(userId, Duration.ofMinutes(minutes));
    }

    private String issue(String userId, Duration validity) {
        Instant asked = clock.instant();
        String token = tokens.issue(userId, validity);
        // Read the expiry from our own format; another LoginTokens implementation's tokens are opaque.
        Instant expiry = TokenFormat.claimedExpiry(token).orElse(asked.plus(validity));
        return "Login token for " + userId + ", valid " + validity.toMinutes() + " minutes, until " + expiry + ":\n"
                + token + "\n"
                + "Log in as " + userId + " with the token as the password (Pidgin), or send it as a token login.";
    }
}
