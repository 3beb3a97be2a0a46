package org.caseload.app.dashboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A saved metric request (as the API's JSON body) shown as a chart on a dashboard. */
@Entity
@Table(name = "dashboard_tile")
public class Tile {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "dashboard_id")
    private Dashboard dashboard;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 200)
    private String title;

    /** line, bar, table or kpi. */
    @Column(name = "chart_type", nullable = false, length = 20)
    private String chartType;

    @Column(name = "request_json", nullable = false, length = 8000)
    private String requestJson;

    protected Tile() {}

    Tile(Dashboard dashboard, int position, String title, String chartType, String requestJson) {
        this.dashboard = dashboard;
        this.position = position;
        this.title = title;
        this.chartType = chartType;
        this.requestJson = requestJson;
    }

    public Long getId() { return id; }
    public int getPosition() { return position; }
    public String getTitle() { return title; }
    public String getChartType() { return chartType; }
    public String getRequestJson() { return requestJson; }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }
}
