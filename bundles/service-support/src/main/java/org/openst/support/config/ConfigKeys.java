package org.openst.support.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * What Declarative Services does with a component property type ({@code @interface Config}),
 * done here for the rare moments a component needs it outside DS: the key a method reads, the
 * type's built-in defaults, and reading every key once so that a value DS cannot convert (a
 * {@code port = abc}) is named by its key instead of surfacing later as an anonymous exception.
 */
final class ConfigKeys {

    private ConfigKeys() {
    }

    /**
     * The property key of a method, by the DS 1.3 rules (OSGi Compendium 112.8.2.2): {@code $$}
     * is {@code $}, {@code $_$} is {@code -}, another {@code $} is dropped, {@code __} is
     * {@code _} and {@code _} is {@code .}.
     */
    static String key(String methodName) {
        StringBuilder key = new StringBuilder(methodName.length());
        for (int i = 0; i < methodName.length(); i++) {
            char c = methodName.charAt(i);
            if (c == '$') {
                if (methodName.startsWith("$$", i)) {
                    key.append('$');
                    i++;
                } else if (methodName.startsWith("$_$", i)) {
                    key.append('-');
                    i += 2;
                }
            } else if (c == '_') {
                if (methodName.startsWith("__", i)) {
                    key.append('_');
                    i++;
                } else {
                    key.append('.');
                }
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** An instance of the type whose every method returns its declared default. */
    static <C extends Annotation> C defaults(Class<C> type) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class || method.getDeclaringClass() == Annotation.class) {
                return switch (method.getName()) {
                    case "annotationType" -> type;
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> "defaults of " + type.getName();
                };
            }
            return method.getDefaultValue();
        });
        return type.cast(proxy);
    }

    /**
     * Reads every key of the configuration once.
     *
     * @throws InvalidConfigException naming the first key whose value cannot be converted to the
     *         method's type
     */
    static void readAll(Class<? extends Annotation> type, Annotation config) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getParameterCount() != 0) {
                continue;
            }
            try {
                m.setAccessible(true); // the Config types are package-private nested interfaces
                m.invoke(config);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw new InvalidConfigException(key(m.getName()), "is not a valid " + typeName(m.getReturnType())
                        + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
            } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalStateException("cannot read " + m + ": " + e, e);
            }
        }
    }

    private static String typeName(Class<?> type) {
        if (type.isArray()) {
            return "list of " + typeName(type.getComponentType());
        }
        return type == String.class ? "text" : type.getSimpleName();
    }
}
