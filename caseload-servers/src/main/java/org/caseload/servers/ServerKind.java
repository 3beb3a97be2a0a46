package org.caseload.servers;

/** The database servers this module runs; each knows the facts that differ between them on the wire. */
public enum ServerKind {
    POSTGRES("postgresql", 5432),
    MARIADB("mariadb", 3306);

    private final String jdbcSubprotocol;
    private final int defaultPort;

    ServerKind(String jdbcSubprotocol, int defaultPort) {
        this.jdbcSubprotocol = jdbcSubprotocol;
        this.defaultPort = defaultPort;
    }

    /** The part after {@code jdbc:} in this kind's URLs ({@code postgresql}, {@code mariadb}). */
    public String jdbcSubprotocol() {
        return jdbcSubprotocol;
    }

    /** The port an external URL means when it names none. */
    public int defaultPort() {
        return defaultPort;
    }

    /** A JDBC URL for a server of this kind; 127.0.0.1 rather than localhost so that no lookup can pick ::1. */
    String jdbcUrl(String host, int port, String database) {
        return "jdbc:" + jdbcSubprotocol + "://" + host + ":" + port + "/" + database;
    }
}
