package org.caseload.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseload.model.warehouse.WarehouseSchema.SERVICES;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BackgroundRowsTest {
    @Test
    void replaysRowsAndProgressInOrderOnTheCallingThread() {
        List<String> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        BackgroundRows.replay(channel -> {
            for (int i = 0; i < 5000; i++) {
                channel.append(SERVICES, "s" + i, "Service " + i);
                if (i % 1000 == 999) {
                    channel.progress(i + 1);
                }
            }
        }, (table, values) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            seen.add((String) values[0]);
        }, visits -> seen.add("progress " + visits));

        assertThat(seen).hasSize(5005).startsWith("s0", "s1").contains("progress 3000").endsWith("s4999", "progress 5000");
        assertThat(seen.indexOf("progress 1000")).isEqualTo(1000);
    }

    @Test
    void generatorFailureSurfacesOnTheCallingThread() {
        assertThatThrownBy(() -> BackgroundRows.replay(channel -> {
            channel.append(SERVICES, "dental", "Dental");
            throw new IllegalStateException("generator broke");
        }, (table, values) -> {}, visits -> {})).isInstanceOf(IllegalStateException.class).hasMessage("generator broke");
    }

    @Test
    @Timeout(10)
    void sinkFailureStopsAGeneratorWaitingOnAFullQueue() {
        Thread[] generator = new Thread[1];
        assertThatThrownBy(() -> BackgroundRows.replay(channel -> {
            generator[0] = Thread.currentThread();
            while (true) {
                channel.append(SERVICES, "dental", "Dental");
            }
        }, (table, values) -> {
            throw new IllegalArgumentException("bad row");
        }, visits -> {})).isInstanceOf(IllegalArgumentException.class).hasMessage("bad row");

        assertThat(generator[0].isAlive()).isFalse();
    }
}
