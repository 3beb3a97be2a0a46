package org.caseload.app.system;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Picks the app schema's migrations by SQL family rather than by vendor: H2 and PostgreSQL read the
 * same standard SQL (identity columns, timestamps with time zone), MySQL and MariaDB share one
 * InnoDB script. One script per family instead of a copy per vendor.
 */
@Component
public class FlywayLocations implements FlywayConfigurationCustomizer {
    private final DataSourceProperties appDataSource;

    public FlywayLocations(DataSourceProperties appDataSource) {
        this.appDataSource = appDataSource;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.locations("classpath:db/migration/" + family(appDataSource.determineUrl()));
    }

    static String family(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl;
        return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:") ? "mysql-family" : "standard";
    }
}
