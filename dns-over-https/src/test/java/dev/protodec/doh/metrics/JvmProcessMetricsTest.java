package dev.protodec.doh.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.junit.jupiter.api.Test;

class JvmProcessMetricsTest {
  private static double allocated(PrometheusRegistry registry) {
    for (MetricSnapshot s : registry.scrape()) {
      if (s.getMetadata().getName().equals("doh_jvm_allocated_bytes") && s instanceof CounterSnapshot c) {
        return c.getDataPoints().get(0).getValue();
      }
    }
    throw new AssertionError("no doh_jvm_allocated_bytes in the registry");
  }

  @Test
  void theAllocationCounterGrowsByWhatThisThreadAllocates() {
    PrometheusRegistry registry = new PrometheusRegistry();
    JvmProcessMetrics.register(registry);
    double before = allocated(registry);
    byte[][] garbage = new byte[64][];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = new byte[64 * 1024];
    }
    double after = allocated(registry);
    assertTrue(garbage[63].length > 0);
    assertTrue(after - before >= 64 * 64 * 1024, "grew by " + (after - before) + " bytes");
  }
}
