package io.identitybridge.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain reads of IdentityServer4's EF Core tables, whose quoted names work on PostgreSQL and SQL Server alike. */
final class Tables {

    private final Connection db;
    private final String schema;

    /** {@code schema} null: the connection's current schema (PostgreSQL's search path, SQL Server's default schema). */
    Tables(Connection db, String schema) throws SQLException {
        this.db = db;
        this.schema = schema != null ? schema : db.getSchema();
    }

    boolean exists(String table) throws SQLException {
        try (ResultSet rs = db.getMetaData().getTables(null, schema, table, new String[]{"TABLE"})) {
            return rs.next();
        }
    }

    /** A quoted identifier: a double quote inside is doubled (SQL:2003, PostgreSQL and SQL Server alike). */
    String name(String table) {
        return (schema == null ? "" : quoted(schema) + ".") + quoted(table);
    }

    /** What --schema accepts: letters, digits and '_', at most 128 (SQL Server's sysname; PostgreSQL cuts at 63). */
    static boolean isIdentifier(String name) {
        return name.matches("[\\p{L}\\p{Nd}_]{1,128}");
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Every row of a table as column → value, with column names as EF Core created them. */
    List<Map<String, Object>> rows(String table, String orderBy) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("SELECT * FROM " + name(table) + " ORDER BY " + quoted(orderBy));
             ResultSet rs = st.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= md.getColumnCount(); c++) {
                    Object v = rs.getObject(c);
                    if (v instanceof java.sql.Timestamp ts) {
                        v = ts.toLocalDateTime();
                    }
                    row.put(md.getColumnLabel(c), v);
                }
                out.add(row);
            }
        }
        return out;
    }

    /** Child rows grouped by their parent key column, or an empty map when the table does not exist. */
    Map<Object, List<Map<String, Object>>> children(String table, String parentColumn) throws SQLException {
        Map<Object, List<Map<String, Object>>> out = new HashMap<>();
        if (!exists(table)) {
            return out;
        }
        for (Map<String, Object> row : rows(table, "Id")) {
            out.computeIfAbsent(key(row.get(parentColumn)), k -> new ArrayList<>()).add(row);
        }
        return out;
    }

    long count(String table) throws SQLException {
        if (!exists(table)) {
            return -1;
        }
        try (PreparedStatement st = db.prepareStatement("SELECT COUNT(*) FROM " + name(table)); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Ids come back as Integer or Long depending on driver and column; compare them as longs. */
    static Object key(Object id) {
        return id instanceof Number n ? (Object) n.longValue() : id;
    }

    /** EF Core stores DateTime as UTC without an offset. */
    static OffsetDateTime utc(Object v) {
        if (v instanceof LocalDateTime t) {
            return t.atOffset(java.time.ZoneOffset.UTC);
        }
        if (v instanceof OffsetDateTime t) {
            return t;
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().atOffset(java.time.ZoneOffset.UTC);
        }
        return v == null ? null : OffsetDateTime.parse(v.toString());
    }
}
