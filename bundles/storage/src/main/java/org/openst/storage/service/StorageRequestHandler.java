package org.openst.storage.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openst.protocol.ErrorCode;
import org.openst.storage.api.StorageException;
import org.openst.storage.api.UserStorage;
import org.openst.storage.service.StorageMessages.LoadRequest;
import org.openst.storage.service.StorageMessages.SaveRequest;
import org.openst.storage.service.StorageMessages.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers LOAD and SAVE requests against the {@link UserStorage} (protocol spec §6.6). Runs on a
 * user's lane, never on a network thread: every method may block on the back end.
 *
 * <p>Result codes (any non-zero result is a failure to Meanwhile; Pidgin then keeps its local
 * list):
 * <ul>
 * <li>{@link #NOT_FOUND} when none of the requested keys was ever saved: the empty-list rule of
 * spec §6.6, never success with an empty value;</li>
 * <li>{@link #TOO_LARGE} for a unit over {@code max.unit.bytes}, and {@link #BAD_COUNT} for a
 * request naming no key or more than {@code max.units.per.request};</li>
 * <li>{@link #BAD_LIST} for a buddy list (key 0) Meanwhile could not read safely (spec §1.4);</li>
 * <li>{@link #OVER_QUOTA} when the user's units would exceed {@code quota.bytes} (spec §7.3);</li>
 * <li>{@link #BACK_END_FAILED} when the back end failed ({@link StorageException}).</li>
 * </ul>
 */
final class StorageRequestHandler {
    static final int NOT_FOUND = ErrorCode.ERR_NO_ELEMENT;
    static final int TOO_LARGE = ErrorCode.ERR_REQUEST_INVALID;
    static final int BAD_COUNT = ErrorCode.ERR_REQUEST_INVALID;
    static final int BAD_LIST = ErrorCode.ERR_BAD_DATA;
    static final int OVER_QUOTA = ErrorCode.ERR_FAILURE;
    static final int BACK_END_FAILED = ErrorCode.ERR_FAILURE;

    /** Storage key of the buddy list (Meanwhile's mwStore_AWARE_LIST). */
    static final long BUDDY_LIST_KEY = 0;

    private static final Logger LOG = LoggerFactory.getLogger(StorageRequestHandler.class);

    /** What a SAVE came to: the SAVED payload, and the keys stored (empty unless result 0). */
    record SaveOutcome(byte[] reply, List<Long> storedKeys) {
    }

    private final UserStorage storage;

    StorageRequestHandler(UserStorage storage) {
        this.storage = storage;
    }

    /**
     * Answers a LOAD with the units found, in request order. Several keys, some missing: result 0
     * with the found units; none found: {@link #NOT_FOUND} with count 0.
     */
    byte[] load(String userId, LoadRequest request, StorageLimits limits) {
        List<Long> keys = request.keys();
        if (keys.isEmpty() || keys.size() > limits.maxUnitsPerRequest()) {
            LOG.info("storage: LOAD of {} key(s) by {} refused (max.units.per.request is {})", keys.size(), userId,
                    limits.maxUnitsPerRequest());
            return StorageMessages.loaded(request.requestId(), BAD_COUNT, List.of());
        }
        List<Unit> found = new ArrayList<>();
        try {
            for (long key : keys) {
                Optional<byte[]> value = storage.load(userId, key);
                if (value.isEmpty()) {
                    continue;
                }
                if (key == BUDDY_LIST_KEY) {
                    Optional<String> problem = SametimeListCheck.problem(value.get());
                    if (problem.isPresent()) {
                        // Stored before validation or behind our back: never served (spec §1.4).
                        LOG.warn("storage: stored buddy list of {} not served: {}", userId, problem.get());
                        return StorageMessages.loaded(request.requestId(), BAD_LIST, List.of());
                    }
                }
                found.add(new Unit(key, value.get()));
            }
        } catch (RuntimeException e) {
            failed("cannot load " + hex(keys) + " of " + userId + " from " + storage.describe(), e);
            return StorageMessages.loaded(request.requestId(), BACK_END_FAILED, List.of());
        }
        if (found.isEmpty()) {
            return StorageMessages.loaded(request.requestId(), NOT_FOUND, List.of());
        }
        return StorageMessages.loaded(request.requestId(), ErrorCode.ERR_SUCCESS, found);
    }

    /**
     * Checks every unit, then the quota, then stores the units in request order. A refused
     * request stores nothing. The back end has no transaction over several units: if it fails in
     * the middle of a multi-unit SAVE (Meanwhile always sends one), the earlier units stay stored
     * and the answer is {@link #BACK_END_FAILED}.
     */
    SaveOutcome save(String userId, SaveRequest request, StorageLimits limits) {
        int id = request.requestId();
        List<Unit> units = request.units();
        if (units.isEmpty() || units.size() > limits.maxUnitsPerRequest()) {
            LOG.info("storage: SAVE of {} unit(s) by {} refused (max.units.per.request is {})", units.size(), userId,
                    limits.maxUnitsPerRequest());
            return refused(id, BAD_COUNT);
        }
        Map<Long, Integer> newSizes = new LinkedHashMap<>(); // a key saved twice counts once, with its last value
        for (Unit u : units) {
            if (u.value().length > limits.maxUnitBytes()) {
                LOG.info("storage: SAVE of key 0x{} by {} refused: {} bytes (max.unit.bytes is {})",
                        Long.toHexString(u.key()), userId, u.value().length, limits.maxUnitBytes());
                return refused(id, TOO_LARGE);
            }
            if (u.key() == BUDDY_LIST_KEY) {
                Optional<String> problem = SametimeListCheck.problem(u.value());
                if (problem.isPresent()) {
                    LOG.warn("storage: buddy list of {} refused: {}", userId, problem.get());
                    return refused(id, BAD_LIST);
                }
            }
            newSizes.put(u.key(), u.value().length);
        }
        try {
            if (overQuota(userId, newSizes, limits.quotaBytes())) {
                return refused(id, OVER_QUOTA);
            }
            for (Unit u : units) {
                storage.save(userId, u.key(), u.value());
            }
        } catch (RuntimeException e) {
            failed("cannot save " + hex(List.copyOf(newSizes.keySet())) + " of " + userId + " to "
                    + storage.describe(), e);
            return refused(id, BACK_END_FAILED);
        }
        return new SaveOutcome(StorageMessages.saved(id, ErrorCode.ERR_SUCCESS), List.copyOf(newSizes.keySet()));
    }

    /** Replacing a unit counts only the difference; the old sizes are read only when needed. */
    private boolean overQuota(String userId, Map<Long, Integer> newSizes, long quota) {
        long used = storage.usedBytes(userId);
        long added = newSizes.values().stream().mapToLong(Integer::longValue).sum();
        if (used + added <= quota) {
            return false;
        }
        long replaced = 0;
        for (long key : newSizes.keySet()) {
            replaced += storage.load(userId, key).map(v -> (long) v.length).orElse(0L);
        }
        long after = used - replaced + added;
        if (after <= quota) {
            return false;
        }
        LOG.info("storage: SAVE of {} by {} refused: {} bytes in use, {} after the save (quota.bytes is {})",
                hex(List.copyOf(newSizes.keySet())), userId, used, after, quota);
        return true;
    }

    /**
     * A back-end call failed: a {@link StorageException} is its known way to fail (one WARN line);
     * anything else is a bug in it (ERROR with the stack). Either way the request gets an answer.
     */
    private static void failed(String what, RuntimeException e) {
        if (e instanceof StorageException) {
            LOG.warn("storage: {}: {}", what, e.getMessage());
        } else {
            LOG.error("storage: {}", what, e);
        }
    }

    private static SaveOutcome refused(int requestId, int result) {
        return new SaveOutcome(StorageMessages.saved(requestId, result), List.of());
    }

    private static String hex(List<Long> keys) {
        StringBuilder b = new StringBuilder(keys.size() == 1 ? "key " : "keys ");
        for (int i = 0; i < keys.size(); i++) {
            b.append(i == 0 ? "0x" : ", 0x").append(Long.toHexString(keys.get(i)));
        }
        return b.toString();
    }
}
