package org.caseload.ingest.load;

import java.sql.SQLException;
import org.jooq.exception.DataAccessException;

/** The loader reports database failures as {@link SQLException}, whichever API raised them. */
final class JooqErrors {
    private JooqErrors() {}

    static SQLException unwrap(DataAccessException e) {
        return e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
    }
}
