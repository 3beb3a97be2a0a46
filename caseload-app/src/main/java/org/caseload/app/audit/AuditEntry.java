package org.caseload.app.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One analytics query: who ran it, from where, what it asked, how it went, and a hash of its SQL. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "request_id", nullable = false, length = 40)
    private String requestId;

    /** ui, api, csv, tile, scores, outliers. */
    @Column(nullable = false, length = 20)
    private String source;

    @Column(nullable = false, length = 1000)
    private String metrics;

    @Column(nullable = false, length = 1000)
    private String dimensions;

    @Column(nullable = false, length = 2000)
    private String filters;

    @Column(name = "row_count")
    private Long rowCount;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column(name = "sql_hash", length = 64)
    private String sqlHash;

    @Column(length = 1000)
    private String error;

    protected AuditEntry() {}

    public AuditEntry(Instant at, String username, String requestId, String source, String metrics, String dimensions,
                      String filters, Long rowCount, long durationMs, String sqlHash, String error) {
        this.at = at;
        this.username = username;
        this.requestId = requestId;
        this.source = source;
        this.metrics = metrics;
        this.dimensions = dimensions;
        this.filters = filters;
        this.rowCount = rowCount;
        this.durationMs = durationMs;
        this.sqlHash = sqlHash;
        this.error = error;
    }

    public Long getId() { return id; }
    public Instant getAt() { return at; }
    public String getUsername() { return username; }
    public String getRequestId() { return requestId; }
    public String getSource() { return source; }
    public String getMetrics() { return metrics; }
    public String getDimensions() { return dimensions; }
    public String getFilters() { return filters; }
    public Long getRowCount() { return rowCount; }
    public long getDurationMs() { return durationMs; }
    public String getSqlHash() { return sqlHash; }
    public String getError() { return error; }
}
