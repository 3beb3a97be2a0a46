package org.caseload.app.user;

/** What a user may do: ADMIN everything, ANALYST all analytics, MANAGER analytics of granted locations only. */
public enum Role {
    ADMIN, ANALYST, MANAGER
}
