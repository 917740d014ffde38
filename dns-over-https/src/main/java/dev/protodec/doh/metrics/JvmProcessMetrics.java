package dev.protodec.doh.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.lang.management.ManagementFactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * The server JVM's own figures a load test reads between two scrapes: the bytes every thread has
 * allocated on the heap since start ({@code doh_jvm_allocated_bytes_total}, from
 * {@code com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes()}, which keeps counting the
 * threads that have ended, where the JVM has it — 17.0.x updates and 21+; the Java 17 API that this
 * module compiles against does not, so it is looked up at run time, with the live threads' sum as the
 * fallback), and the Prometheus client's JVM metrics ({@code jvm_gc_collection_seconds}
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
      LongSupplier allocated = totalAllocated(hotspot);
      CounterWithCallback.builder().name("doh_jvm_allocated_bytes")
          .help("Heap bytes allocated by all threads since the JVM started (ThreadMXBean, an approximation)")
          .unit(Unit.BYTES)
          .callback(cb -> cb.call(Math.max(0, allocated.getAsLong())))
          .register(registry);
    }
    JvmMetrics.builder().register(registry);
  }

  private static LongSupplier totalAllocated(com.sun.management.ThreadMXBean threads) {
    try {
      MethodHandle total = MethodHandles.publicLookup().findVirtual(com.sun.management.ThreadMXBean.class,
          "getTotalThreadAllocatedBytes", MethodType.methodType(long.class)).bindTo(threads);
      return () -> {
        try {
          return (long) total.invokeExact();
        } catch (Throwable e) {
          throw new IllegalStateException("ThreadMXBean.getTotalThreadAllocatedBytes failed", e);
        }
      };
    } catch (NoSuchMethodException | IllegalAccessException absent) {
      return () -> {
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
          sum += Math.max(0, bytes);
        }
        return sum;
      };
    }
  }
}
