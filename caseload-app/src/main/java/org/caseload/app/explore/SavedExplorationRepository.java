package org.caseload.app.explore;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SavedExplorationRepository extends JpaRepository<SavedExploration, Long> {
    List<SavedExploration> findAllByOrderByNameAsc();
}
