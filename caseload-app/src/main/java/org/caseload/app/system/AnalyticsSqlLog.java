package org.caseload.app.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The analytics SQL log, apart from Hibernate's: every analytics query as inlined, runnable SQL
 * with its duration, row count, user and request id. Goes to the logger {@code caseload.analytics.sql}
 * and, when {@code caseload.sql-log} names a file, to that file alone — so the query behind a slow
 * tile is found by its request id, not among ORM chatter.
 */
@Component
public class AnalyticsSqlLog {
    private static final Logger LOG = LoggerFactory.getLogger("caseload.analytics.sql");
    private final Path file;

    public AnalyticsSqlLog(CaseloadProperties props) {
        this.file = props.sqlLog();
        if (file != null && file.getParent() != null) {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the folder of caseload.sql-log " + file, e);
            }
        }
    }

    public void record(String requestId, String user, String source, long durationMs, Long rows, String sql, String error) {
        String header = String.format("-- %s request=%s user=%s source=%s duration_ms=%d rows=%s%s",
                Instant.now(), requestId, user, source, durationMs, rows == null ? "-" : rows,
                error == null ? "" : " error=" + error.replace('\n', ' '));
        LOG.info("{}\n{};", header, sql);
        if (file != null) {
            synchronized (this) {
                try {
                    Files.writeString(file, header + "\n" + sql + ";\n\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    LOG.warn("cannot write the analytics SQL log {}: {}", file, e.getMessage());
                }
            }
        }
    }
}
