package org.caseload.app.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.Set;
import org.caseload.app.user.Role;
import org.caseload.app.user.UserService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Real users created through {@link UserService} inside the test (rolled back by the kit), and HTTP Basic as them. */
public final class Users {
    public static final String PASSWORD = "correct horse battery";
    public static final String ADMIN = "ada";
    public static final String ANALYST = "ann";
    public static final String MANAGER = "max";

    private Users() {}

    /** An admin, an analyst, and a manager granted {@code managerLocation} only. */
    public static void create(UserService users, String managerLocation) {
        users.create(ADMIN, PASSWORD, Role.ADMIN, Set.of());
        users.create(ANALYST, PASSWORD, Role.ANALYST, Set.of());
        users.create(MANAGER, PASSWORD, Role.MANAGER, Set.of(managerLocation));
    }

    public static RequestPostProcessor as(String username) {
        return httpBasic(username, PASSWORD);
    }
}
