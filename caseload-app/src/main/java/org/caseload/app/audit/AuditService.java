package org.caseload.app.audit;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records every analytics query; written in its own transaction so a failed query is audited too. */
@Service
public class AuditService {
    private final AuditRepository entries;

    public AuditService(AuditRepository entries) {
        this.entries = entries;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditEntry entry) {
        entries.save(entry);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> search(String username, String source, String metric, int limit) {
        String anyMetric = blankToNull(metric) == null ? "" : metric.trim();
        return entries.search(blankToNull(username), blankToNull(source), anyMetric, PageRequest.of(0, limit));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
