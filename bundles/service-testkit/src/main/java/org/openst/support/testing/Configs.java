package org.openst.support.testing;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Component configurations (the DS {@code @interface Config} of a component) as Configuration
 * Admin would pass them: every attribute has its annotation default unless the test sets it.
 * Attributes are named by their method ({@code page_size}, not the key {@code page.size}); an
 * unknown name, a value of the wrong type, or an attribute with neither default nor value fails
 * at once, so a typo cannot pass silently. Map values may be null (through a {@code HashMap}) for
 * attributes of object type, as for a key Configuration Admin lacks.
 *
 * <pre>
 * DirectoryService.Config c = Configs.of(DirectoryService.Config.class, Map.of("page_size", 2));
 * </pre>
 */
public final class Configs {

    private Configs() {
    }

    /** The configuration with every attribute at its default. */
    public static <A extends Annotation> A defaults(Class<A> type) {
        return of(type, Map.of());
    }

    /** The configuration with {@code values} (by method name), the defaults for the rest. */
    public static <A extends Annotation> A of(Class<A> type, Map<String, ?> values) {
        Map<String, Object> attributes = new HashMap<>();
        for (Method m : type.getDeclaredMethods()) {
            boolean given = values.containsKey(m.getName());
            Object value = given ? values.get(m.getName()) : m.getDefaultValue();
            if (value == null && (!given || m.getReturnType().isPrimitive())) {
                throw new IllegalArgumentException(type.getName() + "." + m.getName() + " has no default: give a value");
            }
            if (value != null && !wrap(m.getReturnType()).isInstance(value)) {
                throw new IllegalArgumentException(type.getName() + "." + m.getName() + " is a " + m.getReturnType()
                        + ", not " + value.getClass().getName());
            }
            attributes.put(m.getName(), value);
        }
        for (String name : values.keySet()) {
            if (!attributes.containsKey(name)) {
                throw new IllegalArgumentException(type.getName() + " has no attribute " + name);
            }
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return "@" + type.getName() + attributes;
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                default:
                    Object value = attributes.get(method.getName());
                    return value != null && value.getClass().isArray() ? cloneArray(value) : value;
            }
        });
        return type.cast(proxy);
    }

    private static Object cloneArray(Object array) {
        int length = Array.getLength(array);
        Object copy = Array.newInstance(array.getClass().getComponentType(), length);
        System.arraycopy(array, 0, copy, 0, length);
        return copy;
    }

    /** {@code int} -> {@code Integer}, ...; other types as they are. */
    private static Class<?> wrap(Class<?> type) {
        return MethodType.methodType(type).wrap().returnType();
    }
}
