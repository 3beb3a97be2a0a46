package org.caseload.app.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.caseload.engine.execute.Databases;
import org.caseload.engine.execute.Engine;
import org.caseload.model.ModelLoader;
import org.caseload.model.SemanticModel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The two databases, each with its own named pool: {@code caseload-app} (JPA, Flyway; H2 by
 * default) and {@code caseload-analytics} (the engine; DuckDB by default). Declaring both here keeps
 * Spring from guessing which one JPA should use.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseloadProperties.class)
public class AnalyticsConfiguration {

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource")
    public DataSourceProperties appDataSourceProperties() {
        return new DataSourceProperties();
    }

    /** The application's own data. Pool settings come from {@code spring.datasource.hikari.*}. */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(DataSourceProperties appDataSourceProperties) {
        HikariDataSource ds = appDataSourceProperties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        ds.setPoolName("caseload-app");
        return ds;
    }

    @Bean(destroyMethod = "close")
    @Qualifier("analytics")
    public HikariDataSource analyticsDataSource(CaseloadProperties props) {
        CaseloadProperties.Analytics a = props.analytics();
        if (a.url() == null) {
            HikariDataSource ds = Databases.duckdb(a.db(), false);
            ds.setMaximumPoolSize(a.poolSize());
            return ds;
        }
        HikariConfig c = new HikariConfig();
        c.setPoolName("caseload-analytics");
        c.setJdbcUrl(a.url());
        c.setUsername(a.user());
        c.setPassword(a.password());
        c.setMaximumPoolSize(a.poolSize());
        // Below MySQL's default wait_timeout (8 h) and most proxies' idle limits; keepalive pings idle connections.
        c.setMaxLifetime(java.time.Duration.ofMinutes(25).toMillis());
        c.setKeepaliveTime(java.time.Duration.ofMinutes(2).toMillis());
        return new HikariDataSource(c);
    }

    @Bean
    public SemanticModel semanticModel() {
        return ModelLoader.loadDefault();
    }

    @Bean
    public Engine engine(SemanticModel model, @Qualifier("analytics") DataSource analytics, CaseloadProperties props) {
        return new Engine(model, analytics, props.analytics().url() == null
                ? org.jooq.SQLDialect.DUCKDB : Databases.dialectOf(props.analytics().url()));
    }
}
