package org.openst.resolve;

import org.openst.protocol.ErrorCode;

/** Result codes of resolve responses (spec §6.5; Meanwhile's {@code mwResolveCode}) and our failure codes. */
final class ResolveCodes {
    /** The query was answered (possibly with zero matches: spec §10 row 11). */
    static final int SUCCESS = 0x00000000;
    /** Overall code: some results succeeded and some failed. */
    static final int PARTIAL = 0x00010000;
    /** UNIQUE was asked and the name is ambiguous. */
    static final int MULTIPLE = 0x80020000;
    /** The name cannot be resolved because of its form (blank). */
    static final int BAD_FORMAT = 0x80030000;
    /** No directory is bound, or the directory failed: "General failure". */
    static final int NO_DIRECTORY = ErrorCode.ERR_FAILURE;
    /** The bundle's workers and their queue are full: "Server is starving (out of resources)". */
    static final int BUSY = ErrorCode.ERR_STARVING;

    private ResolveCodes() {
    }

    static boolean failed(int code) {
        return code < 0; // the high bit marks a failure, as in every Sametime error code
    }
}
