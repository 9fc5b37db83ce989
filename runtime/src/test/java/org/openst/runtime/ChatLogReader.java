package org.openst.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;

/**
 * Reads a running hub's chat log. The storage API is not on the tests' class path (only in
 * Felix), so a {@code ChatQuery} is built with the storage-api bundle's class loader and passed to
 * the {@code ChatLog} service by reflection; entries come back as maps of their record components.
 */
final class ChatLogReader {
    private ChatLogReader() {
    }

    /**
     * Every entry whose text contains {@code text}, read page by page; empty while no chat log
     * store is bound.
     */
    static List<Map<String, Object>> find(RunningHub hub, String text) {
        try {
            Class<?> queryType = storageApi(hub).loadClass("org.openst.storage.api.ChatQuery");
            Object query = queryType.getMethod("all", int.class).invoke(null, 500);
            query = queryType.getMethod("containing", String.class).invoke(query, text);
            List<Map<String, Object>> result = new ArrayList<>();
            while (true) {
                Object page = hub.callService("org.openst.chatlogging.api.ChatLog", "find", query);
                for (Object entry : (List<?>) page.getClass().getMethod("entries").invoke(page)) {
                    Map<String, Object> fields = new HashMap<>();
                    for (RecordComponent component : entry.getClass().getRecordComponents()) {
                        fields.put(component.getName(), component.getAccessor().invoke(entry));
                    }
                    result.add(fields);
                }
                if (!(Boolean) page.getClass().getMethod("more").invoke(page)) {
                    return result;
                }
                query = queryType.getMethod("nextPage").invoke(query);
            }
        } catch (InvocationTargetException e) {
            return List.of(); // no store bound at this moment (StorageException)
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Bundle storageApi(RunningHub hub) {
        for (Bundle b : hub.context().getBundles()) {
            if ("org.openst.storage-api".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no storage-api bundle: " + hub.bundleStates());
    }
}
