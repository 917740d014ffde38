package dev.protodec.doh.upstream;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.xbill.DNS.Message;
import org.xbill.DNS.SimpleResolver;

/**
 * One upstream server: dnsjava's {@link SimpleResolver} for the transport (UDP through its shared NIO
 * selector, TCP retry when a reply is truncated, a timeout per query), an exponentially weighted moving
 * average of its round-trip time, and its health (down after {@code failureThreshold} consecutive
 * failures, up again at the first success).
 *
 * <p>Why dnsjava's client rather than our own {@code DatagramChannel} code: it is asynchronous on one
 * shared selector thread, already retries over TCP on TC=1, and checks ID and question; the miss path
 * is dominated by the network, not by this client.
 */
final class Upstream {
  private static final double EWMA_WEIGHT = 0.3;

  private final InetSocketAddress address;
  private final SimpleResolver resolver;
  private final int failureThreshold;
  private final long timeoutNanos;
  private volatile double rttNanos;
  private volatile int consecutiveFailures;
  private volatile boolean healthy = true;

  Upstream(InetSocketAddress address, Duration timeout, int failureThreshold) {
    this.address = address;
    this.resolver = new SimpleResolver(address);
    this.resolver.setTimeout(timeout);
    this.failureThreshold = failureThreshold;
    this.timeoutNanos = timeout.toNanos();
  }

  InetSocketAddress address() {
    return address;
  }

  boolean healthy() {
    return healthy;
  }

  double rttNanos() {
    return rttNanos;
  }

  /** Sends {@code query}; the future fails on timeout, I/O error or a reply that does not match. */
  CompletableFuture<Message> send(Message query, Executor executor, UpstreamListener listener) {
    long start = System.nanoTime();
    CompletableFuture<Message> result = new CompletableFuture<>();
    resolver.sendAsync(query, executor).whenComplete((reply, error) -> {
      Throwable failure = error;
      if (failure == null) {
        try {
          ReplyValidator.check(query, reply);
        } catch (UpstreamException e) {
          failure = e;
        }
      }
      if (failure == null) {
        succeeded(System.nanoTime() - start, listener);
        result.complete(reply);
      } else {
        failed(failure, listener);
        result.completeExceptionally(failure);
      }
    });
    return result;
  }

  private void succeeded(long rtt, UpstreamListener listener) {
    double old = rttNanos;
    rttNanos = old == 0 ? rtt : old + EWMA_WEIGHT * (rtt - old);
    consecutiveFailures = 0;
    listener.onReply(address, rtt);
    if (!healthy) {
      healthy = true;
      listener.onHealthChange(address, true);
    }
  }

  private void failed(Throwable error, UpstreamListener listener) {
    double old = rttNanos;
    rttNanos = old + EWMA_WEIGHT * (timeoutNanos - old); // a failure counts as a timeout-long round trip
    listener.onFailure(address, error);
    int failures = ++consecutiveFailures; // races only undercount, which delays marking down by a probe
    if (failures >= failureThreshold && healthy) {
      healthy = false;
      listener.onHealthChange(address, false);
    }
  }

  @Override
  public String toString() {
    return address.getHostString() + ":" + address.getPort() + (healthy ? " up" : " down");
  }
}
