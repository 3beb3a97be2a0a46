package org.caseload.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.caseload.app.CaseloadApplication;
import org.caseload.app.user.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server refuses to start without an admin outside demo mode, and says how to make one. A real
 * application start (servlet, random port), not the test kit: this is about the startup itself.
 */
class StartupChecksTest {
    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(String appDb, boolean demo) {
        SpringApplication app = new SpringApplication(CaseloadApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        return app.run("--server.port=0", "--spring.datasource.url=" + appDb,
                "--caseload.analytics.db=" + dir.resolve("analytics.duckdb"), "--caseload.demo=" + demo,
                "--spring.main.banner-mode=off", "--logging.level.root=warn");
    }

    @Test
    void refusesToStartWithoutAnAdmin() {
        String db = "jdbc:h2:mem:startup-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        assertThatThrownBy(() -> start(db, false).close())
                .satisfies(t -> {
                    Throwable root = t;
                    while (!(root instanceof StartupChecks.NoAdminException) && root.getCause() != null) root = root.getCause();
                    assertThat(root).isInstanceOf(StartupChecks.NoAdminException.class)
                            .hasMessageContaining("caseload user add NAME --role ADMIN")
                            .hasMessageContaining("--demo");
                });
        // Demo mode makes the demo admin; after that a normal start succeeds on the same database.
        try (ConfigurableApplicationContext demo = start(db, true)) {
            assertThat(demo.getBean(UserService.class).find(StartupChecks.DEMO_USER)).isPresent();
        }
        try (ConfigurableApplicationContext normal = start(db, false)) {
            assertThat(normal.getBean(UserService.class).admins()).isEqualTo(1);
        }
    }
}
