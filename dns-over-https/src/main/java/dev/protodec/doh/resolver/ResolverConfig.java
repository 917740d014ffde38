package dev.protodec.doh.resolver;

import dev.protodec.doh.shared.SharedCacheConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link DefaultResolver} is built from; immutable. {@link #builder()} starts from the
 * defaults documented on each builder method.
 *
 * @param decoder how cached answers are kept and decoded
 * @param upstreams upstream servers; empty: start the embedded zone server and use it
 * @param zoneFile the embedded server's zone file; null: the bundled {@code example.test.} zone
 * @param cacheMaxBytes the in-process cache's bound in bytes (0: no in-process cache)
 * @param minTtl the smallest TTL an answer is cached for (seconds)
 * @param maxTtl the largest TTL an answer is cached for (seconds)
 * @param maxNegativeTtl the largest TTL a negative answer is cached for (seconds, RFC 2308)
 * @param servfailTtl how long SERVFAIL and other error answers are cached (seconds, 0: not at all)
 * @param maxStale how long after expiry an answer may still be served stale (zero: never, RFC 8767)
 * @param staleAnswerTtl the TTL of stale answers (seconds; RFC 8767 recommends 30)
 * @param staleClientTimeout how long a client with an expired entry waits for the upstream before it
 *     gets the stale answer (RFC 8767's client response timer)
 * @param prefetchPercent a hit in the last this-many percent of an answer's TTL refreshes it in the
 *     background (0: no prefetch)
 * @param upstreamTimeout the deadline of one query to one upstream
 * @param upstreamAttempts how many different upstreams one query may try
 * @param healthProbeInterval time between health probes of each upstream (zero: none)
 * @param healthFailureThreshold consecutive failures that mark an upstream down
 * @param udpPayloadSize the EDNS UDP payload size advertised in answers
 * @param padAlways pad every EDNS answer to a multiple of 468 bytes, not only when the query asks (RFC 8467)
 * @param registry where the metrics are registered
 * @param clock the time TTLs decay by (tests pass a clock they move)
 * @param sharedCache the cache shared with other instances on Redis, asked on an in-process miss; null:
 *     none
 */
public record ResolverConfig(
    DecoderMode decoder,
    List<InetSocketAddress> upstreams,
    Path zoneFile,
    long cacheMaxBytes,
    int minTtl,
    int maxTtl,
    int maxNegativeTtl,
    int servfailTtl,
    Duration maxStale,
    int staleAnswerTtl,
    Duration staleClientTimeout,
    int prefetchPercent,
    Duration upstreamTimeout,
    int upstreamAttempts,
    Duration healthProbeInterval,
    int healthFailureThreshold,
    int udpPayloadSize,
    boolean padAlways,
    PrometheusRegistry registry,
    InstantSource clock,
    SharedCacheConfig sharedCache) {

  /** Validates; every reference must be non-null but {@code zoneFile} and {@code sharedCache}. */
  public ResolverConfig {
    Objects.requireNonNull(decoder, "decoder");
    upstreams = List.copyOf(upstreams);
    Objects.requireNonNull(maxStale, "maxStale");
    Objects.requireNonNull(staleClientTimeout, "staleClientTimeout");
    Objects.requireNonNull(upstreamTimeout, "upstreamTimeout");
    Objects.requireNonNull(healthProbeInterval, "healthProbeInterval");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(clock, "clock");
    if (cacheMaxBytes < 0 || minTtl < 0 || maxTtl < minTtl || maxNegativeTtl < 0 || servfailTtl < 0
        || servfailTtl > 300 || staleAnswerTtl < 1 || prefetchPercent < 0 || prefetchPercent > 100
        || upstreamAttempts < 1 || healthFailureThreshold < 1 || udpPayloadSize < 512 || udpPayloadSize > 65_535
        || maxStale.isNegative() || upstreamTimeout.isZero() || upstreamTimeout.isNegative()) {
      throw new IllegalArgumentException("invalid resolver configuration: " + this);
    }
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.decoder = decoder;
    b.upstreams = upstreams;
    b.zoneFile = zoneFile;
    b.cacheMaxBytes = cacheMaxBytes;
    b.minTtl = minTtl;
    b.maxTtl = maxTtl;
    b.maxNegativeTtl = maxNegativeTtl;
    b.servfailTtl = servfailTtl;
    b.maxStale = maxStale;
    b.staleAnswerTtl = staleAnswerTtl;
    b.staleClientTimeout = staleClientTimeout;
    b.prefetchPercent = prefetchPercent;
    b.upstreamTimeout = upstreamTimeout;
    b.upstreamAttempts = upstreamAttempts;
    b.healthProbeInterval = healthProbeInterval;
    b.healthFailureThreshold = healthFailureThreshold;
    b.udpPayloadSize = udpPayloadSize;
    b.padAlways = padAlways;
    b.registry = registry;
    b.clock = clock;
    b.sharedCache = sharedCache;
    return b;
  }

  /** Builds a {@link ResolverConfig}; every setter documents its default. */
  public static final class Builder {
    private DecoderMode decoder = DecoderMode.GENERATED;
    private List<InetSocketAddress> upstreams = List.of();
    private Path zoneFile;
    private long cacheMaxBytes = 64L << 20;
    private int minTtl = 0;
    private int maxTtl = 86_400;
    private int maxNegativeTtl = 3_600;
    private int servfailTtl = 0;
    private Duration maxStale = Duration.ofDays(1);
    private int staleAnswerTtl = 30;
    private Duration staleClientTimeout = Duration.ofMillis(1_800);
    private int prefetchPercent = 10;
    private Duration upstreamTimeout = Duration.ofSeconds(2);
    private int upstreamAttempts = 2;
    private Duration healthProbeInterval = Duration.ofSeconds(5);
    private int healthFailureThreshold = 3;
    private int udpPayloadSize = 1_232;
    private boolean padAlways;
    private PrometheusRegistry registry;
    private InstantSource clock = InstantSource.system();
    private SharedCacheConfig sharedCache;

    private Builder() {}

    /** Default {@link DecoderMode#GENERATED}. */
    public Builder decoder(DecoderMode v) {
      decoder = v;
      return this;
    }

    /** Default none: the embedded zone server. */
    public Builder upstreams(List<InetSocketAddress> v) {
      upstreams = v;
      return this;
    }

    /** Default null: the bundled zone. */
    public Builder zoneFile(Path v) {
      zoneFile = v;
      return this;
    }

    /**
     * Default 64 MiB; 0 turns the in-process cache off (every query goes to the shared cache, then
     * upstream: the shared-hit benchmark's switch).
     */
    public Builder cacheMaxBytes(long v) {
      cacheMaxBytes = v;
      return this;
    }

    /** Default 0 s. */
    public Builder minTtl(int v) {
      minTtl = v;
      return this;
    }

    /** Default 86,400 s (a day). */
    public Builder maxTtl(int v) {
      maxTtl = v;
      return this;
    }

    /** Default 3,600 s. */
    public Builder maxNegativeTtl(int v) {
      maxNegativeTtl = v;
      return this;
    }

    /** Default 0 (not cached); at most 300. */
    public Builder servfailTtl(int v) {
      servfailTtl = v;
      return this;
    }

    /** Default a day; zero turns serve-stale off. */
    public Builder maxStale(Duration v) {
      maxStale = v;
      return this;
    }

    /** Default 30 s. */
    public Builder staleAnswerTtl(int v) {
      staleAnswerTtl = v;
      return this;
    }

    /** Default 1.8 s; zero serves a stale answer at once while the refresh runs. */
    public Builder staleClientTimeout(Duration v) {
      staleClientTimeout = v;
      return this;
    }

    /** Default 10 (%); 0 turns prefetch off. */
    public Builder prefetchPercent(int v) {
      prefetchPercent = v;
      return this;
    }

    /** Default 2 s. */
    public Builder upstreamTimeout(Duration v) {
      upstreamTimeout = v;
      return this;
    }

    /** Default 2. */
    public Builder upstreamAttempts(int v) {
      upstreamAttempts = v;
      return this;
    }

    /** Default 5 s; zero: no probes. */
    public Builder healthProbeInterval(Duration v) {
      healthProbeInterval = v;
      return this;
    }

    /** Default 3. */
    public Builder healthFailureThreshold(int v) {
      healthFailureThreshold = v;
      return this;
    }

    /** Default 1,232 (the DNS flag day 2020 size). */
    public Builder udpPayloadSize(int v) {
      udpPayloadSize = v;
      return this;
    }

    /** Default false: pad only when the query carries the padding option. */
    public Builder padAlways(boolean v) {
      padAlways = v;
      return this;
    }

    /** Default a new registry of its own. */
    public Builder registry(PrometheusRegistry v) {
      registry = v;
      return this;
    }

    /** Default the system clock. */
    public Builder clock(InstantSource v) {
      clock = v;
      return this;
    }

    /** Default null: no shared cache. */
    public Builder sharedCache(SharedCacheConfig v) {
      sharedCache = v;
      return this;
    }

    public ResolverConfig build() {
      return new ResolverConfig(decoder, upstreams, zoneFile, cacheMaxBytes, minTtl, maxTtl, maxNegativeTtl,
          servfailTtl, maxStale, staleAnswerTtl, staleClientTimeout, prefetchPercent, upstreamTimeout,
          upstreamAttempts, healthProbeInterval, healthFailureThreshold, udpPayloadSize, padAlways,
          registry != null ? registry : new PrometheusRegistry(), clock, sharedCache);
    }
  }
}
