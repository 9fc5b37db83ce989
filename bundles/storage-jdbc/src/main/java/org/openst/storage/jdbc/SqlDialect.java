package org.openst.storage.jdbc;

import java.util.Locale;

/**
 * The few column types that differ between the databases this bundle supports; all other SQL is
 * plain standard SQL understood by all of them.
 */
enum SqlDialect {

    /**
     * H2 keeps BINARY VARYING and CHARACTER VARYING without a length inline in its pages (up to
     * 1,000,000,000); its BLOB and CLOB go to separate LOB storage, slower for small values.
     */
    H2("VARBINARY", "VARCHAR"),

    /** PostgreSQL has no BLOB type; BYTEA is its binary string. VARCHAR without length is TEXT. */
    POSTGRESQL("BYTEA", "VARCHAR"),

    /** Any other database: the SQL standard's large object types. */
    STANDARD("BLOB", "CLOB");

    private final String binaryType;
    private final String textType;

    SqlDialect(String binaryType, String textType) {
        this.binaryType = binaryType;
        this.textType = textType;
    }

    /** @param productName {@link java.sql.DatabaseMetaData#getDatabaseProductName()} */
    static SqlDialect forProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        return STANDARD;
    }

    /** Column type for values of any length up to what a storage unit may hold. */
    String binaryType() {
        return binaryType;
    }

    /** Column type for text of unbounded length. */
    String textType() {
        return textType;
    }
}
