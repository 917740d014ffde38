package dev.protodec.doh.resolver;

import dev.protodec.doh.answer.AnswerWriter;
import dev.protodec.doh.answer.ErrorAnswer;
import dev.protodec.doh.cache.AnswerCache;
import dev.protodec.doh.cache.CacheKey;
import dev.protodec.doh.cache.CacheKeyMaker;
import dev.protodec.doh.cache.CachedAnswer;
import dev.protodec.doh.cache.InFlightQueries;
import dev.protodec.doh.cache.TtlPolicy;
import dev.protodec.doh.decode.CachedAnswerDecoder;
import dev.protodec.doh.decode.GeneratedAnswerDecoder;
import dev.protodec.doh.decode.ReflectiveAnswerDecoder;
import dev.protodec.doh.decode.WireAnswerDecoder;
import dev.protodec.doh.metrics.ResolverMetrics;
import dev.protodec.doh.query.ParsedQuery;
import dev.protodec.doh.query.QueryParser;
import dev.protodec.doh.store.CacheEntryFactory;
import dev.protodec.doh.upstream.UpstreamPool;
import dev.protodec.doh.zone.EmbeddedZoneServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

/**
 * The resolver: the request path as stages, parse ({@link QueryParser}) → key ({@link CacheKeyMaker}) →
 * cache ({@link AnswerCache}) → upstream on a miss ({@link UpstreamPool}, coalesced by {@link
 * InFlightQueries}) → store ({@link CacheEntryFactory}) → answer (a {@link CachedAnswerDecoder} writing
 * through {@link AnswerWriter}), plus serve-stale and prefetch around them. With no upstream configured it
 * starts an {@link EmbeddedZoneServer} and uses it.
 *
 * <p>The hit path (parse, key, lookup, decode, write) runs on the caller's thread with per-thread reused
 * state and allocates nothing but what the decoder does. Misses complete on the resolver's own threads.
 */
public final class DefaultResolver implements Resolver {
  private static final System.Logger LOG = System.getLogger(DefaultResolver.class.getName());
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
  /** Decode time is measured for one hit in this many (a power of two). */
  private static final int DECODE_SAMPLE = 16;
  /** RFC 8914 info code 3: Stale Answer. */
  private static final byte[] EDE_STALE = {0, 3};
  private static final int RCODE_BADVERS = 16;

  private final ResolverConfig config;
  private final QueryParser parser = new QueryParser();
  private final CacheKeyMaker keys = new CacheKeyMaker();
  private final AnswerCache cache;
  private final InFlightQueries inFlight;
  private final CachedAnswerDecoder decoder;
  private final CacheEntryFactory entries;
  private final ResolverMetrics metrics;
  private final ExecutorService executor;
  private final ScheduledExecutorService scheduler;
  private final EmbeddedZoneServer zone;
  private final UpstreamPool upstreams;
  private final long maxStaleMillis;

  /**
   * Builds the stages from {@code config}, registers the metrics and, without upstreams, starts the
   * embedded zone server on a free loopback port.
   *
   * @throws UncheckedIOException if the embedded zone server cannot start
   */
  public DefaultResolver(ResolverConfig config) {
    this.config = config;
    this.maxStaleMillis = config.maxStale().toMillis();
    this.cache = new AnswerCache(config.cacheMaxBytes(), maxStaleMillis, config.clock());
    this.inFlight = new InFlightQueries(cache);
    this.decoder = decoder(config.decoder());
    TtlPolicy ttls = new TtlPolicy(config.minTtl(), config.maxTtl(), config.maxNegativeTtl(), config.servfailTtl());
    this.entries = new CacheEntryFactory(config.decoder(), ttls);
    this.metrics = new ResolverMetrics(config.registry(), decoder.name(), cache::weightedBytes, cache::size);
    this.executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
        daemon("resolver-"));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("resolver-timer-"));
    List<InetSocketAddress> addresses = config.upstreams();
    if (addresses.isEmpty()) {
      try {
        this.zone = new EmbeddedZoneServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            config.zoneFile()).start();
      } catch (IOException e) {
        close();
        throw new UncheckedIOException("cannot start the embedded zone server", e);
      }
      addresses = List.of(zone.address());
    } else {
      this.zone = null;
    }
    this.upstreams = new UpstreamPool(addresses, config.upstreamTimeout(), config.upstreamAttempts(),
        config.healthFailureThreshold(), config.healthProbeInterval(), scheduler, executor, metrics);
  }

  private static CachedAnswerDecoder decoder(DecoderMode mode) {
    switch (mode) {
      case REFLECTIVE:
        return new ReflectiveAnswerDecoder();
      case WIRE:
        return new WireAnswerDecoder();
      default:
        return new GeneratedAnswerDecoder();
    }
  }

  /** The configuration this resolver was built from. */
  public ResolverConfig config() {
    return config;
  }

  /** The registry the metrics are in (the configured one), for the front to serve. */
  public PrometheusRegistry registry() {
    return config.registry();
  }

  /** The embedded zone server, when no upstream was configured. */
  public Optional<EmbeddedZoneServer> embeddedZone() {
    return Optional.ofNullable(zone);
  }

  /** The upstream servers in use (the embedded one included). */
  public UpstreamPool upstreams() {
    return upstreams;
  }

  /** Drops every cached answer. */
  public void clearCache() {
    cache.clear();
  }

  @Override
  public void resolve(byte[] query, int offset, int length, AnswerCallback callback) {
    Scratch s = SCRATCH.get();
    ParsedQuery q = s.query;
    try {
      parser.parse(query, offset, length, q);
    } catch (MalformedQueryException e) {
      metrics.malformed(e.reason());
      callback.onMalformed(e);
      return;
    }
    if (q.opcode() != 0) {
      error(q, Rcode.NOTIMP, false, ErrorAnswer.NO_EDE, s.writer, callback);
    } else if (q.questionCount() != 1) {
      error(q, Rcode.FORMERR, false, ErrorAnswer.NO_EDE, s.writer, callback);
    } else if (q.hasEdns() && q.ednsVersion() != 0) {
      error(q, RCODE_BADVERS, true, ErrorAnswer.NO_EDE, s.writer, callback);
    } else {
      lookup(q, s, callback);
    }
  }

  /** Stages 2 and 3: key and cache; a fresh hit is answered here, on the caller's thread. */
  private void lookup(ParsedQuery q, Scratch s, AnswerCallback callback) {
    CacheKey probe = s.probe;
    keys.fill(q, probe);
    CachedAnswer entry = cache.lookup(probe);
    long now = config.clock().millis();
    if (entry != null && entry.isFresh(now)) {
      metrics.hit();
      if (entry.inPrefetchWindow(now, config.prefetchPercent()) && entry.claimPrefetch()) {
        prefetch(probe.copy(), q.copy());
      }
      answer(entry, q, entry.elapsedSeconds(now), 0, now, s, callback);
      return;
    }
    ParsedQuery owned = q.copy();
    CacheKey key = probe.copy();
    if (entry != null && entry.isServableStale(now, maxStaleMillis)) {
      refreshOrServeStale(entry, key, owned, callback);
    } else {
      miss(key, owned, callback);
    }
  }

  /** Stage 4 on a miss: one upstream query per key, however many clients wait for it. */
  private void miss(CacheKey key, ParsedQuery query, AnswerCallback callback) {
    metrics.miss();
    boolean[] joined = new boolean[1];
    inFlight.fetch(key, k -> fetch(query), joined)
        .whenCompleteAsync((entry, error) -> afterMiss(entry, error, query, callback), executor);
    if (joined[0]) {
      metrics.coalesced();
    }
  }

  private void afterMiss(CachedAnswer entry, Throwable error, ParsedQuery query, AnswerCallback callback) {
    Scratch s = SCRATCH.get();
    if (error != null) {
      LOG.log(System.Logger.Level.DEBUG, "upstream failed", error);
      error(query, Rcode.SERVFAIL, true, ErrorAnswer.EDE_NO_REACHABLE_AUTHORITY, s.writer, callback);
      return;
    }
    long now = config.clock().millis();
    answer(entry, query, entry.elapsedSeconds(now), 0, now, s, callback);
  }

  /**
   * RFC 8767: an expired entry within the stale window. The refresh starts; the client gets its answer if
   * it arrives before the client timer, else (or if the upstream fails) the stale one.
   */
  private void refreshOrServeStale(CachedAnswer stale, CacheKey key, ParsedQuery query, AnswerCallback callback) {
    metrics.miss();
    AtomicBoolean answered = new AtomicBoolean();
    long timeout = config.staleClientTimeout().toMillis();
    ScheduledFuture<?> timer = timeout > 0
        ? scheduler.schedule(() -> serveStale(stale, query, answered, callback), timeout, TimeUnit.MILLISECONDS)
        : null;
    inFlight.fetch(key, k -> fetch(query), null).whenCompleteAsync((fresh, error) -> {
      if (error != null || fresh.rcode() == Rcode.SERVFAIL) {
        serveStale(stale, query, answered, callback);
      } else if (answered.compareAndSet(false, true)) {
        if (timer != null) {
          timer.cancel(false);
        }
        long now = config.clock().millis();
        answer(fresh, query, fresh.elapsedSeconds(now), 0, now, SCRATCH.get(), callback);
      }
    }, executor);
    if (timeout <= 0) {
      serveStale(stale, query, answered, callback);
    }
  }

  private void serveStale(CachedAnswer stale, ParsedQuery query, AtomicBoolean answered, AnswerCallback callback) {
    if (answered.compareAndSet(false, true)) {
      metrics.staleServed();
      answer(stale, query, 0, config.staleAnswerTtl(), config.clock().millis(), SCRATCH.get(), callback);
    }
  }

  /** A hit in the last part of the TTL: one background refresh (coalesced with any miss for the key). */
  private void prefetch(CacheKey key, ParsedQuery query) {
    metrics.prefetch();
    inFlight.fetch(key, k -> fetch(query), null);
  }

  /** Stages 4 and 5: the upstream query for {@code query}'s question, its reply made a cache entry. */
  private CompletableFuture<CachedAnswer> fetch(ParsedQuery query) {
    Message upstreamQuery;
    try {
      upstreamQuery = upstreamQuery(query);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    return upstreams.query(upstreamQuery).toCompletableFuture()
        .thenApply(reply -> entries.create(reply, query, config.clock().millis()));
  }

  /** The question with RD, the client's CD and DO bits, and our EDNS size. */
  private Message upstreamQuery(ParsedQuery query) throws IOException {
    Name name = new Name(new DNSInput(query.nameBytes()));
    Message m = Message.newQuery(Record.newRecord(name, query.qtype(), query.qclass()));
    if (query.checkingDisabled()) {
      m.getHeader().setFlag(Flags.CD);
    }
    m.addRecord(new OPTRecord(config.udpPayloadSize(), 0, 0, query.dnssecOk() ? ExtendedFlags.DO : 0),
        org.xbill.DNS.Section.ADDITIONAL);
    return m;
  }

  /** Stage 6: decode the entry and write the answer, then hand it to the callback. */
  private void answer(CachedAnswer entry, ParsedQuery q, int elapsed, int ttlOverride, long now, Scratch s,
      AnswerCallback callback) {
    AnswerWriter w = s.writer;
    boolean timed = (++s.answers & (DECODE_SAMPLE - 1)) == 0;
    long start = timed ? System.nanoTime() : 0;
    try {
      decoder.write(entry.payload(), q, config.udpPayloadSize(), elapsed, ttlOverride, w);
      if (ttlOverride > 0 && q.hasEdns()) {
        w.ednsOption(CachedAnswerDecoder.OPTION_EDE, EDE_STALE, 0, EDE_STALE.length);
      }
      w.finish(pad(q));
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "a cached answer did not decode; answering SERVFAIL", e);
      error(q, Rcode.SERVFAIL, true, ErrorAnswer.NO_EDE, w, callback);
      return;
    }
    if (timed) {
      metrics.decodeTime(System.nanoTime() - start);
    }
    int maxAge = w.minTtl() >= 0 ? w.minTtl() : ttlOverride > 0 ? ttlOverride : entry.remainingSeconds(now);
    metrics.answered(entry.rcode(), q.qtype());
    callback.onAnswer(w.buffer(), w.length(), maxAge);
  }

  private void error(ParsedQuery q, int rcode, boolean withQuestion, int ede, AnswerWriter w,
      AnswerCallback callback) {
    ErrorAnswer.write(w, q, rcode, withQuestion, config.udpPayloadSize(), ede, pad(q));
    metrics.answered(rcode, q.qtype());
    callback.onAnswer(w.buffer(), w.length(), 0);
  }

  private boolean pad(ParsedQuery q) {
    return q.paddingRequested() || config.padAlways();
  }

  @Override
  public void close() {
    if (upstreams != null) {
      upstreams.close();
    }
    if (zone != null) {
      zone.close();
    }
    scheduler.shutdownNow();
    executor.shutdown();
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** One thread's reusable state for the hit path. */
  private static final class Scratch {
    final ParsedQuery query = new ParsedQuery();
    final CacheKey probe = new CacheKey();
    final AnswerWriter writer = new AnswerWriter();
    int answers;
  }
}
