package org.openst.support.config;

import java.lang.annotation.Annotation;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;

/**
 * The one door a component's configuration goes through: every key is read, then the
 * component's own parser turns the configuration into validated settings. A refused
 * configuration is logged once, at ERROR, naming the PID, the key and why:
 *
 * <pre>org.openst.hub: refused configuration: port must be 0..65535, not 70000; the previous configuration stays in force</pre>
 *
 * On a change ({@link #next}) the caller keeps the settings it has; at activation ({@link
 * #initial}), where there are none, the component starts on the built-in defaults (the
 * annotation's), so that a bad file never leaves a service absent.
 *
 * @param <C> the component property type
 * @param <S> the validated settings
 */
public final class ConfigGate<C extends Annotation, S> {

    private final String pid;
    private final Class<C> type;
    private final Function<? super C, ? extends S> parser;
    private final Logger log;

    /**
     * @param pid    the configuration PID, named in every refusal
     * @param type   the component property type
     * @param parser builds the settings; throws {@link IllegalArgumentException} (best: {@link
     *               InvalidConfigException}) for a bad value, with a message that starts with the key
     * @param log    the component's logger
     */
    public ConfigGate(String pid, Class<C> type, Function<? super C, ? extends S> parser, Logger log) {
        this.pid = Objects.requireNonNull(pid, "pid");
        this.type = Objects.requireNonNull(type, "type");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The settings to activate with: the configuration's, or when it is refused, the defaults'. */
    public S initial(C config) {
        return check(config, "starting on the built-in defaults").orElseGet(() -> parser.apply(defaults()));
    }

    /** The settings of a changed configuration, or empty when it is refused (keep the old ones). */
    public Optional<S> next(C config) {
        return check(config, "the previous configuration stays in force");
    }

    /** The component property type with every key at its built-in default. */
    public C defaults() {
        return ConfigKeys.defaults(type);
    }

    /** The PID this gate guards. */
    public String pid() {
        return pid;
    }

    private Optional<S> check(C config, String consequence) {
        try {
            ConfigKeys.readAll(type, config);
            return Optional.of(Objects.requireNonNull(parser.apply(config), "parser returned null"));
        } catch (IllegalArgumentException e) {
            log.error("{}: refused configuration: {}; {}", pid, e.getMessage(), consequence);
            return Optional.empty();
        }
    }
}
