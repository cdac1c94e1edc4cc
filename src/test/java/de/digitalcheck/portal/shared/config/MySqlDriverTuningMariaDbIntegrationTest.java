package de.digitalcheck.portal.shared.config;

import com.mysql.cj.jdbc.JdbcConnection;
import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;

/** On MySQL/MariaDB the pool's connections prepare statements on the server and keep them. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class MySqlDriverTuningMariaDbIntegrationTest {

    @Inject
    DataSource dataSource;

    @Test
    void theRealConnectionsPrepareOnTheServerAndKeepTheStatements() throws Exception {
        DataSource target = dataSource instanceof DelegatingDataSource d ? d.getTargetDataSource() : dataSource;
        try (Connection connection = target.getConnection()) {
            JdbcConnection mysql = connection.unwrap(JdbcConnection.class);
            assertThat(mysql.getPropertySet().getBooleanProperty("useServerPrepStmts").getValue()).isTrue();
            assertThat(mysql.getPropertySet().getBooleanProperty("cachePrepStmts").getValue()).isTrue();
            // the same statement twice: prepared once, the second time from the connection's cache
            try (PreparedStatement first = connection.prepareStatement("SELECT COUNT(*) FROM agency WHERE id = ?")) {
                first.setString(1, "none");
                first.executeQuery().close();
            }
            long prepared = status(connection, "Com_stmt_prepare");
            try (PreparedStatement again = connection.prepareStatement("SELECT COUNT(*) FROM agency WHERE id = ?")) {
                again.setString(1, "none");
                again.executeQuery().close();
            }
            assertThat(status(connection, "Com_stmt_prepare")).as("not prepared again").isEqualTo(prepared);
        }
    }

    private static long status(Connection connection, String name) throws Exception {
        try (var s = connection.createStatement(); var rs = s.executeQuery("SHOW SESSION STATUS LIKE '" + name + "'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
