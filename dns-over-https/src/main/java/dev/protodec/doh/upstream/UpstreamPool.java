package dev.protodec.doh.upstream;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Stage 4, upstream on a miss: several upstream servers, the fastest healthy one first (EWMA of RTT), the
 * next one tried when a query fails, and active health probes ({@code . IN NS} every probe interval: any
 * reply counts as alive) that take a failing upstream out and bring it back. Asynchronous: nothing here
 * blocks the caller's thread.
 */
public final class UpstreamPool implements AutoCloseable {
  private volatile List<Upstream> upstreams;
  private final Duration timeout;
  private final int failureThreshold;
  private final int attempts;
  private final Executor executor;
  private final UpstreamListener listener;
  private final ScheduledFuture<?> probes;

  /**
   * @param addresses the upstream servers, at least one
   * @param timeout the deadline of one query to one upstream (UDP, and TCP if truncated)
   * @param attempts how many different upstreams one query may try
   * @param failureThreshold consecutive failures that mark an upstream down
   * @param probeInterval time between health probes; zero or negative: no probes
   * @param scheduler runs the probes
   * @param executor completes the futures (dnsjava's selector thread is not blocked by callers' work)
   */
  public UpstreamPool(List<InetSocketAddress> addresses, Duration timeout, int attempts, int failureThreshold,
      Duration probeInterval, ScheduledExecutorService scheduler, Executor executor, UpstreamListener listener) {
    this.timeout = timeout;
    this.failureThreshold = failureThreshold;
    this.attempts = Math.max(1, attempts);
    this.executor = executor;
    this.listener = listener;
    this.upstreams = build(addresses);
    long interval = probeInterval.toMillis();
    this.probes = interval > 0
        ? scheduler.scheduleWithFixedDelay(this::probeAll, interval, interval, TimeUnit.MILLISECONDS)
        : null;
  }

  private List<Upstream> build(List<InetSocketAddress> addresses) {
    List<Upstream> list = new ArrayList<>();
    for (InetSocketAddress a : addresses) {
      list.add(new Upstream(a, timeout, failureThreshold));
    }
    for (Upstream u : list) {
      listener.onHealthChange(u.address(), true);
    }
    return List.copyOf(list);
  }

  /** Replaces the upstream list (SIGHUP); queries under way finish on the old ones. */
  public void replace(List<InetSocketAddress> addresses) {
    upstreams = build(addresses);
  }

  /** Sends {@code query} to the best upstream, then to others while it fails, up to the attempt limit. */
  public CompletionStage<Message> query(Message query) {
    List<Upstream> order = new ArrayList<>(upstreams);
    if (order.isEmpty()) {
      return CompletableFuture.failedFuture(UpstreamException.noneConfigured());
    }
    order.sort(Comparator.comparing((Upstream u) -> !u.healthy()).thenComparingDouble(Upstream::rttNanos));
    CompletableFuture<Message> result = new CompletableFuture<>();
    attempt(query, order, 0, Math.min(attempts, order.size()), result, null);
    return result;
  }

  private void attempt(Message query, List<Upstream> order, int i, int limit, CompletableFuture<Message> result,
      Throwable last) {
    if (i == limit) {
      result.completeExceptionally(new UpstreamException("no upstream answered " + query.getQuestion()
          + " (tried " + order.subList(0, limit) + ")", last));
      return;
    }
    order.get(i).send(query, executor, listener).whenComplete((reply, error) -> {
      if (error == null) {
        result.complete(reply);
      } else {
        attempt(query, order, i + 1, limit, result, error);
      }
    });
  }

  /** Sends one probe to every upstream (also called by tests that do not wait for the schedule). */
  public void probeAll() {
    for (Upstream u : upstreams) {
      Message probe = Message.newQuery(Record.newRecord(Name.root, Type.NS, DClass.IN));
      u.send(probe, executor, listener);
    }
  }

  /** Whether {@code address} is currently considered up; false if it is not one of ours. */
  public boolean isHealthy(InetSocketAddress address) {
    for (Upstream u : upstreams) {
      if (u.address().equals(address)) {
        return u.healthy();
      }
    }
    return false;
  }

  /** The upstream addresses, in configuration order. */
  public List<InetSocketAddress> addresses() {
    List<InetSocketAddress> list = new ArrayList<>();
    for (Upstream u : upstreams) {
      list.add(u.address());
    }
    return list;
  }

  @Override
  public void close() {
    if (probes != null) {
      probes.cancel(false);
    }
  }
}
