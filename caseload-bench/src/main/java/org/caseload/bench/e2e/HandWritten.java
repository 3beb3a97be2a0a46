package org.caseload.bench.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** The baseline: plain JDBC as an analyst's program would use it, no jOOQ and no value conversion. */
public final class HandWritten {
    private HandWritten() {}

    /** Runs {@code sql} with {@code params} bound in order, handing over every column of every row via getObject. */
    public static long stream(DataSource dataSource, String sql, List<Object> params, Consumer<Object[]> sink)
            throws SQLException {
        long rows = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    sink.accept(row);
                    rows++;
                }
            }
        }
        return rows;
    }
}
