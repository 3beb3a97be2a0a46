package org.caseload.app.dashboard;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DashboardRepository extends JpaRepository<Dashboard, Long> {
    List<Dashboard> findAllByOrderByNameAsc();
}
