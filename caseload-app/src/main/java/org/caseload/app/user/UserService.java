package org.caseload.app.user;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caseload.engine.query.AccessScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their roles and grants; and what the signed-in user may see. */
@Service
public class UserService implements UserDetailsService {
    private final UserRepository users;
    private final PasswordEncoder encoder;

    public UserService(UserRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser u = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(u.getUsername()).password(u.getPasswordHash()).roles(u.getRole().name()).build();
    }

    @Transactional
    public AppUser create(String username, String rawPassword, Role role, Set<String> locationIds) {
        if (users.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("user '" + username + "' already exists");
        }
        if (role == Role.MANAGER && locationIds.isEmpty()) {
            throw new IllegalArgumentException("a MANAGER needs at least one location grant (--locations id,...)");
        }
        return users.save(new AppUser(username, encoder.encode(rawPassword), role, role == Role.MANAGER ? locationIds : Set.of()));
    }

    @Transactional
    public void update(long id, Role role, Set<String> locationIds) {
        AppUser u = users.findById(id).orElseThrow(() -> new IllegalArgumentException("no user " + id));
        if (u.getRole() == Role.ADMIN && role != Role.ADMIN && users.countByRole(Role.ADMIN) == 1) {
            throw new IllegalArgumentException("the last admin cannot lose the ADMIN role");
        }
        u.changeRole(role, role == Role.MANAGER ? locationIds : Set.of());
    }

    @Transactional(readOnly = true)
    public List<AppUser> all() {
        return users.findAll();
    }

    @Transactional(readOnly = true)
    public long admins() {
        return users.countByRole(Role.ADMIN);
    }

    @Transactional(readOnly = true)
    public Optional<AppUser> find(String username) {
        return users.findByUsername(username);
    }

    /** The row-level scope of the signed-in user: managers see granted locations only. */
    @Transactional(readOnly = true)
    public AccessScope currentScope() {
        return scopeOf(currentUsername());
    }

    @Transactional(readOnly = true)
    public AccessScope scopeOf(String username) {
        AppUser u = users.findByUsername(username).orElseThrow(() -> new IllegalStateException("no user " + username));
        return u.getRole() == Role.MANAGER ? AccessScope.locations(u.getLocationIds()) : AccessScope.UNRESTRICTED;
    }

    public static String currentUsername() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated()) throw new IllegalStateException("no signed-in user");
        return a.getName();
    }
}
