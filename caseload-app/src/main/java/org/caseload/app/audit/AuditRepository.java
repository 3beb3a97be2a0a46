package org.caseload.app.audit;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AuditRepository extends JpaRepository<AuditEntry, Long> {
    @Query("select a from AuditEntry a where (:username is null or a.username = :username)"
            + " and (:source is null or a.source = :source)"
            // Not "(:metric is null or ...)": a null bound inside concat has no type PostgreSQL accepts (bytea);
            // the service passes "" for "any metric" instead.
            + " and a.metrics like concat('%', :metric, '%') order by a.at desc, a.id desc")
    List<AuditEntry> search(@Param("username") String username, @Param("source") String source,
                            @Param("metric") String metric, Pageable page);
}
