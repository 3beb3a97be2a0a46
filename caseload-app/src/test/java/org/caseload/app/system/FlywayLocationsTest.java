package org.caseload.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/** One migration script per SQL family: H2 and PostgreSQL share the standard one, MySQL and MariaDB theirs. */
class FlywayLocationsTest {
    private static String location(String url) {
        DataSourceProperties p = new DataSourceProperties();
        p.setUrl(url);
        FluentConfiguration c = Flyway.configure();
        new FlywayLocations(p).customize(c);
        return Arrays.toString(c.getLocations());
    }

    @Test
    void standardSqlForH2AndPostgresql() {
        assertThat(location("jdbc:h2:mem:x")).isEqualTo("[classpath:db/migration/standard]");
        assertThat(location("jdbc:postgresql://localhost/app")).isEqualTo("[classpath:db/migration/standard]");
    }

    @Test
    void oneScriptForTheMysqlFamily() {
        assertThat(location("jdbc:mariadb://localhost/app")).isEqualTo("[classpath:db/migration/mysql-family]");
        assertThat(location("jdbc:mysql://localhost/app")).isEqualTo("[classpath:db/migration/mysql-family]");
    }
}
