package org.caseload.testkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDBC layer on its own, on H2 (savepoints) and DuckDB (journal), with real Hikari pools. */
class TestDatabaseTest {
    @TempDir
    static Path dir;
    static HikariDataSource h2;
    static HikariDataSource duck;

    @BeforeAll
    static void pools() throws SQLException {
        h2 = pool("jdbc:h2:mem:kit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        duck = pool("jdbc:duckdb:" + dir.resolve("kit.duckdb"));
        for (HikariDataSource ds : List.of(h2, duck)) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("create table t (id integer primary key, v varchar(20))");
            }
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setMaximumPoolSize(4);
        return new HikariDataSource(c);
    }

    @AfterAll
    static void close() {
        h2.close();
        duck.close();
    }

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("h2", h2, RecoveryMode.SAVEPOINTS), Arguments.of("duckdb", duck, RecoveryMode.JOURNAL));
    }

    private static void insert(Connection c, int id, String v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into t values (?, ?)")) {
            ps.setInt(1, id);
            ps.setString(2, v);
            ps.executeUpdate();
        }
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from t")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int count(javax.sql.DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return count(c);
        }
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("databases")
    void everyHandleOnEveryThreadSeesTheTestsRowsAndTheyAreGoneAfterIt(String name, HikariDataSource pool, RecoveryMode mode)
            throws Exception {
        TestDatabase db = TestDatabase.of(name, pool);
        db.begin("t1");
        assertThat(db.recoveryMode()).isEqualTo(mode);
        try (Connection c = db.getConnection()) {
            insert(c, 1, "a");
            c.commit();            // no-op
            c.setAutoCommit(true); // no-op
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Integer>> seen = new ArrayList<>();
        for (int i = 0; i < 8; i++) seen.add(threads.submit(() -> count(db.dataSource())));
        for (Future<Integer> f : seen) assertThat(f.get()).isEqualTo(1);
        threads.shutdown();
        assertThat(count(pool)).as("another pooled connection does not see the uncommitted row").isZero();
        db.end();
        assertThat(count(db.dataSource())).isZero();
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("databases")
    void aCallersRollbackUndoesOnlyItsOwnTransaction(String name, HikariDataSource pool, RecoveryMode mode) throws Exception {
        TestDatabase db = TestDatabase.of(name, pool);
        db.begin("t2");
        try {
            try (Connection c = db.getConnection()) {
                insert(c, 1, "fixture");
            }
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                insert(c, 2, "undone");
                assertThat(count(c)).isEqualTo(2);
                c.rollback();
                assertThat(count(c)).isEqualTo(1);
                insert(c, 3, "kept");
                c.commit();
            }
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                insert(c, 4, "left open");
            } // closed without commit: rolled back, as a pool does
            assertThat(count(db.dataSource())).isEqualTo(2); // 1 and 3
        } finally {
            db.end();
        }
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("databases")
    void aFailedStatementDoesNotAbortTheTestsTransaction(String name, HikariDataSource pool, RecoveryMode mode) throws Exception {
        TestDatabase db = TestDatabase.of(name, pool);
        db.begin("t3");
        try (Connection c = db.getConnection()) {
            insert(c, 1, "a");
            insert(c, 2, "b");
            assertThatThrownBy(() -> insert(c, 1, "duplicate")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> c.createStatement().executeQuery("select * from no_such_table")).isInstanceOf(SQLException.class);
            // DuckDB would now answer "Current transaction is aborted"; the kit replayed the two inserts.
            assertThat(count(c)).isEqualTo(2);
            insert(c, 3, "c");
            assertThat(count(c)).isEqualTo(3);
        } finally {
            db.end();
        }
        assertThat(count(pool)).isZero();
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("databases")
    void handlesAreLogicalConnections(String name, HikariDataSource pool, RecoveryMode mode) throws Exception {
        TestDatabase db = TestDatabase.of(name, pool);
        db.begin("t4");
        Connection c = db.getConnection();
        Statement s = c.createStatement();
        assertThat(s.getConnection()).isSameAs(c);
        assertThat(c.getAutoCommit()).isTrue();
        c.setReadOnly(true);
        assertThat(c.isReadOnly()).isTrue();
        c.close();
        assertThat(c.isClosed()).isTrue();
        assertThat(s.isClosed()).as("closing the handle closes its statements").isTrue();
        assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class);
        Connection leaked = db.getConnection();
        assertThat(db.end().unclosedHandles()).isEqualTo(1);
        assertThat(leaked.isClosed()).isTrue();
        // Outside a test the pool's own connections, committed as usual.
        try (Connection p = db.getConnection()) {
            assertThat(p.getClass().getName()).contains("Hikari");
        }
    }
}
