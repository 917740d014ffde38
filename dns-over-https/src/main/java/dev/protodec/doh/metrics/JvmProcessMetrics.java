package dev.protodec.doh.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The server JVM's own figures a load test reads between two scrapes: the bytes every thread has
 * allocated on the heap since start ({@code doh_jvm_allocated_bytes_total}, from
 * {@link com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes()}, which keeps counting the
 * threads that have ended), and the Prometheus client's JVM metrics ({@code jvm_gc_collection_seconds}
 * per collector, memory pools, threads, ...). Read at scrape time only: nothing on the request path.
 */
public final class JvmProcessMetrics {
  private JvmProcessMetrics() {}

  /** Registers both in {@code registry}; the allocation counter is left out on a JVM that cannot count. */
  public static void register(PrometheusRegistry registry) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (threads instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemorySupported()) {
      if (!hotspot.isThreadAllocatedMemoryEnabled()) {
        hotspot.setThreadAllocatedMemoryEnabled(true);
      }
      CounterWithCallback.builder().name("doh_jvm_allocated_bytes")
          .help("Heap bytes allocated by all threads since the JVM started (ThreadMXBean, an approximation)")
          .unit(Unit.BYTES)
          .callback(cb -> cb.call(Math.max(0, hotspot.getTotalThreadAllocatedBytes())))
          .register(registry);
    }
    JvmMetrics.builder().register(registry);
  }
}
