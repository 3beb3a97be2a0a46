package org.caseload.app.system;

import java.util.Set;
import org.caseload.app.user.Role;
import org.caseload.app.user.UserService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In demo mode, makes sure the demo admin exists ({@code demo}/{@code demo}); otherwise refuses to
 * serve without at least one admin, saying how to create one.
 */
@Component
@Profile("!users") // `caseload user add` creates the first admin, so it must not require one
public class StartupChecks implements ApplicationRunner {
    public static final String DEMO_USER = "demo";

    private final UserService users;
    private final CaseloadProperties props;

    public StartupChecks(UserService users, CaseloadProperties props) {
        this.users = users;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (props.demo()) {
            if (users.find(DEMO_USER).isEmpty()) users.create(DEMO_USER, DEMO_USER, Role.ADMIN, Set.of());
            return;
        }
        if (users.admins() == 0) {
            throw new NoAdminException();
        }
    }

    /** Thrown at startup when no admin exists outside demo mode. */
    public static final class NoAdminException extends RuntimeException {
        public NoAdminException() {
            super("no admin user exists: create one with `caseload user add NAME --role ADMIN` "
                    + "(password from the terminal or CASELOAD_PASSWORD), or run `caseload serve --demo`");
        }
    }
}
