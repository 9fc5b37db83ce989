package org.openst.directory.ldap;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link LdapDirectoryComponent.Config} instances as DS would make them: every key from a map
 * (named as in a .cfg file, {@code bind.dn}), the annotation's default for the others.
 */
final class TestConfigs {

    static final String BASE = "dc=openst,dc=test";

    private TestConfigs() {
    }

    /** The test directory's layout (openst-test.ldif) on these servers, plus {@code overrides}. */
    static LdapDirectoryComponent.Config forTestDirectory(String urls, String bindDn, String bindPassword,
            Map<String, Object> overrides) {
        Map<String, Object> keys = new HashMap<>();
        keys.put("urls", new String[] {urls});
        keys.put("bind.dn", bindDn);
        keys.put("bind.password", bindPassword);
        keys.put("user.base.dn", "ou=people," + BASE);
        keys.put("group.base.dn", "ou=groups," + BASE);
        keys.put("disabled.filter", "(employeeType=disabled)");
        keys.put("connect.timeout.ms", 2000);
        keys.put("response.timeout.ms", 3000);
        keys.putAll(overrides);
        return config(keys);
    }

    static LdapDirectoryComponent.Config config(Map<String, Object> keys) {
        return (LdapDirectoryComponent.Config) Proxy.newProxyInstance(TestConfigs.class.getClassLoader(),
                new Class<?>[] {LdapDirectoryComponent.Config.class}, (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    if (!keys.containsKey(key)) {
                        return method.getDefaultValue();
                    }
                    Object value = keys.get(key);
                    if (method.getReturnType() == String[].class && value instanceof String s) {
                        return new String[] {s};
                    }
                    return value;
                });
    }
}
