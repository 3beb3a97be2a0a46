package org.caseload.app.dashboard;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A named, ordered list of tiles. */
@Entity
@Table(name = "dashboard")
public class Dashboard {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 100)
    private String owner;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @OneToMany(mappedBy = "dashboard", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<Tile> tiles = new ArrayList<>();

    protected Dashboard() {}

    public Dashboard(String name, String owner) {
        this.name = name;
        this.owner = owner;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getOwner() { return owner; }
    public Instant getCreatedAt() { return createdAt; }
    public List<Tile> getTiles() { return List.copyOf(tiles); }

    public void rename(String newName) {
        this.name = newName;
    }

    public Tile addTile(String title, String chartType, String requestJson) {
        Tile t = new Tile(this, tiles.size(), title, chartType, requestJson);
        tiles.add(t);
        return t;
    }

    public void removeTile(long tileId) {
        if (!tiles.removeIf(t -> t.getId() != null && t.getId() == tileId)) {
            throw new java.util.NoSuchElementException("no tile " + tileId + " on dashboard " + id);
        }
        renumber();
    }

    /** Puts the tiles in the order of {@code tileIds}, which must name each tile once. */
    public void reorder(List<Long> tileIds) {
        if (tileIds.size() != tiles.size() || !tileIds.containsAll(tiles.stream().map(Tile::getId).toList())) {
            throw new IllegalArgumentException("the new order must list each of the dashboard's " + tiles.size() + " tiles once");
        }
        tiles.sort(java.util.Comparator.comparingInt(t -> tileIds.indexOf(t.getId())));
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < tiles.size(); i++) tiles.get(i).moveTo(i);
    }
}
