package org.openst.directory.ldap;

/**
 * No LDAP server could answer (all down, time-out, pool exhausted, an error that is not about the
 * question asked). Thrown by the look-up methods, which have no other way to tell "nobody found"
 * from "nobody could look"; the directory's consumers catch runtime exceptions and answer their
 * clients with a failure code.
 */
final class LdapUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LdapUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
