package de.digitalcheck.portal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL cannot roll DDL back, so a migration with several DDL statements can stop half-way: from V10 on, every
 * migration holds one DDL statement (applied migrations stay as they are: their checksums must not change).
 */
class MigrationsTest {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");
    /** A Java migration (for what SQL cannot compute, such as Unicode normalisation): updates rows, no DDL. */
    private static final Pattern JAVA = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+(\\$.*)?\\.class");
    private static final Pattern DDL = Pattern.compile("(?im)^\\s*(CREATE|ALTER|DROP|RENAME|TRUNCATE)\\s");

    @Test
    void everyMigrationFromV10HoldsOneDdlStatement() throws IOException, URISyntaxException {
        Path dir = Paths.get(MigrationsTest.class.getResource("/db/migration").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            if (JAVA.matcher(file.getFileName().toString()).matches()) {
                continue;
            }
            Matcher version = VERSION.matcher(file.getFileName().toString());
            assertThat(version.matches()).as(file.getFileName().toString()).isTrue();
            if (Integer.parseInt(version.group(1)) < 10) {
                continue;
            }
            String sql = Files.readString(file).replaceAll("(?m)--.*$", "");
            long ddl = DDL.matcher(sql).results().count();
            assertThat(ddl).as(file.getFileName() + ": DDL statements").isLessThanOrEqualTo(1);
        }
    }
}
