package org.caseload.app.explore;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An exploration saved by name: a request (as the API's JSON body) and how it is charted. */
@Entity
@Table(name = "saved_exploration")
public class SavedExploration {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 100)
    private String owner;

    @Column(name = "chart_type", nullable = false, length = 20)
    private String chartType;

    @Column(name = "request_json", nullable = false, length = 8000)
    private String requestJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected SavedExploration() {}

    public SavedExploration(String name, String owner, String chartType, String requestJson) {
        this.name = name;
        this.owner = owner;
        this.chartType = chartType;
        this.requestJson = requestJson;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getOwner() { return owner; }
    public String getChartType() { return chartType; }
    public String getRequestJson() { return requestJson; }
    public Instant getCreatedAt() { return createdAt; }

    public void update(String newName, String newChartType, String newRequestJson) {
        this.name = newName;
        this.chartType = newChartType;
        this.requestJson = newRequestJson;
    }
}
