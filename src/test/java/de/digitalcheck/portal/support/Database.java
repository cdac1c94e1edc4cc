package de.digitalcheck.portal.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is stored, read with plain SQL: tests check the database itself, not what a module's own classes say about
 * it. Column names in lower case.
 */
public final class Database {

    private final DataSource dataSource;

    /** @param dataSource the application's data source; its own connections are used, outside any transaction */
    public Database(DataSource dataSource) {
        this.dataSource = dataSource instanceof DelegatingDataSource contextual ? contextual.getTargetDataSource() : dataSource;
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c).toLowerCase(java.util.Locale.ROOT), rs.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The one value of a query that returns one row with one column, or null when it returns no row. */
    public Object value(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    /** Runs an update or delete; how many rows it changed. */
    public int execute(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long count(String table) {
        return ((Number) value("SELECT COUNT(*) FROM " + table)).longValue();
    }

    /**
     * A connection of the application's pool, outside any transaction (to take the pool's connections away, say); the
     * caller closes it.
     */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * A transaction of its own that holds the row of {@code table} with this {@code id} ({@code SELECT … FOR UPDATE})
     * until it is rolled back and closed: a change of that row by the application waits meanwhile.
     */
    public Connection holdRow(String table, Object id) throws SQLException {
        Connection holder = dataSource.getConnection();
        try {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM " + table + " WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, id);
                lock.executeQuery().close();
            }
            return holder;
        } catch (SQLException e) {
            holder.close();
            throw e;
        }
    }
}
