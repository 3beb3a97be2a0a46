package org.caseload.app.system;

import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the analytics statement each thread is running (a jOOQ listener on the engine), so that a
 * request whose HTTP client went away can cancel its query: the database stops at once instead of
 * producing rows nobody reads (MariaDB's driver would otherwise read a streaming result to its end
 * before closing it).
 */
public final class RunningStatements implements ExecuteListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunningStatements.class);
    private static final ThreadLocal<Statement> CURRENT = new ThreadLocal<>();

    @Override
    public void executeStart(ExecuteContext ctx) {
        CURRENT.set(ctx.statement());
    }

    /** Cancels this thread's analytics statement, if one is running (Statement.cancel(): the server stops it). */
    public static void cancelOnThisThread() {
        Statement s = CURRENT.get();
        if (s == null) return;
        try {
            s.cancel();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("cancelling the analytics statement failed: {}", e.getMessage());
        }
    }

    /** Forgets this thread's statement once its query is over (the thread runs other queries later). */
    public static void forgetOnThisThread() {
        CURRENT.remove();
    }
}
