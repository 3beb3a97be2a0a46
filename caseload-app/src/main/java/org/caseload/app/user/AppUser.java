package org.caseload.app.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A person who signs in. Passwords are stored only as bcrypt hashes. */
@Entity
@Table(name = "app_user")
public class AppUser {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "location_grant", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "location_id", length = 64)
    private Set<String> locationIds = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected AppUser() {}

    public AppUser(String username, String passwordHash, Role role, Set<String> locationIds) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.locationIds = new LinkedHashSet<>(locationIds);
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public Role getRole() { return role; }
    public Set<String> getLocationIds() { return Set.copyOf(locationIds); }
    public Instant getCreatedAt() { return createdAt; }

    public void changeRole(Role newRole, Set<String> grants) {
        this.role = newRole;
        this.locationIds = new LinkedHashSet<>(grants);
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }
}
