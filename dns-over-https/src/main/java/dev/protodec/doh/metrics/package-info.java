/**
 * The resolver's Prometheus metrics (the official client, {@code prometheus-metrics-core}): answers by
 * rcode and qtype, cache hits, misses, stale answers and prefetches, cache size, upstream RTT, failures
 * and health, decode time per decoder. Depends on the Prometheus client and the upstream listener only.
 */
package dev.protodec.doh.metrics;
