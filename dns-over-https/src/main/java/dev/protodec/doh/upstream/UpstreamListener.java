package dev.protodec.doh.upstream;

import java.net.InetSocketAddress;

/** What the upstream side reports, for metrics; called from I/O threads, so implementations stay cheap. */
public interface UpstreamListener {
  /** A listener that ignores everything. */
  UpstreamListener NONE = new UpstreamListener() {};

  /** A reply came back from {@code upstream} after {@code rttNanos} and passed the checks. */
  default void onReply(InetSocketAddress upstream, long rttNanos) {}

  /** A query to {@code upstream} failed (timeout, I/O error, reply that does not match the query). */
  default void onFailure(InetSocketAddress upstream, Throwable error) {}

  /** {@code upstream} was marked up or down. */
  default void onHealthChange(InetSocketAddress upstream, boolean healthy) {}
}
