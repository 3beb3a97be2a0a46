package org.caseload.app.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.caseload.engine.execute.Databases;
import org.caseload.engine.execute.Engine;
import org.caseload.model.ModelLoader;
import org.caseload.model.SemanticModel;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The two databases, each with its own named pool: {@code caseload-app} (JPA, Flyway; H2 by
 * default) and {@code caseload-analytics} (the engine; DuckDB by default). Declaring both here keeps
 * Spring from guessing which one JPA should use. Pool settings for servers: {@link ServerPools}.
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

    /**
     * The application's own data. Pool settings come from {@code spring.datasource.hikari.*}, bound
     * here rather than after the bean is made, so that they can then be fitted under the server's idle
     * limit before the pool starts.
     */
    @Bean
    @Primary
    public HikariDataSource dataSource(DataSourceProperties appDataSourceProperties, Environment environment) {
        HikariDataSource ds = appDataSourceProperties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(ds));
        ds.setPoolName("caseload-app");
        ServerPools.fitToIdleLimit(ds);
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
        return new HikariDataSource(ServerPools.analytics(a));
    }

    @Bean
    public SemanticModel semanticModel() {
        return ModelLoader.loadDefault();
    }

    @Bean
    public Engine engine(SemanticModel model, @Qualifier("analytics") DataSource analytics, CaseloadProperties props) {
        Engine engine = new Engine(model, engineView(analytics), props.analytics().url() == null
                ? org.jooq.SQLDialect.DUCKDB : Databases.dialectOf(props.analytics().url()));
        // The engine's own listeners, if any, stay; RunningStatements joins them.
        var configuration = engine.dsl().configuration();
        ExecuteListenerProvider[] existing = configuration.executeListenerProviders();
        ExecuteListenerProvider[] all = java.util.Arrays.copyOf(existing, existing.length + 1);
        all[existing.length] = new DefaultExecuteListenerProvider(new RunningStatements());
        configuration.set(all);
        return engine;
    }

    /**
     * The analytics pool as the engine sees it: failing to get a connection (the pool waited its
     * connection timeout) becomes {@link AnalyticsFailures.Unreachable}, told apart from a connection
     * that broke in use, which {@link ReadRetry} may retry.
     */
    public static DataSource engineView(DataSource pool) {
        return new TellingUnreachable(pool);
    }

    private static final class TellingUnreachable extends DelegatingDataSource {
        TellingUnreachable(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return super.getConnection();
            } catch (SQLException e) {
                throw new AnalyticsFailures.Unreachable(e);
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            try {
                return super.getConnection(username, password);
            } catch (SQLException e) {
                throw new AnalyticsFailures.Unreachable(e);
            }
        }
    }
}
