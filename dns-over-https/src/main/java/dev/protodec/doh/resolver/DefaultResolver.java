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
import dev.protodec.doh.shared.SharedCache;
import dev.protodec.doh.shared.SharedValues;
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
 * starts an {@link EmbeddedZoneServer} and uses it. With a {@link SharedCache} configured, an in-process miss
 * asks it first (within its read deadline) and upstream answers are written to it behind the response.
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
  private final SharedCache shared;

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
    this.shared = config.sharedCache() == null ? null
        : new SharedCache(config.sharedCache(), maxStaleMillis, config.clock(), config.registry());
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
      case GENERATED_ZERO_COPY:
        return new GeneratedAnswerDecoder(true);
      default:
        return new GeneratedAnswerDecoder(false);
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

  /** The shared cache, when one is configured. */
  public Optional<SharedCache> sharedCache() {
    return Optional.ofNullable(shared);
  }

  /** Drops every cached answer (in process; the shared cache keeps its own). */
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

  /** An in-process miss: the shared cache if there is one, else upstream. */
  private void miss(CacheKey key, ParsedQuery query, AnswerCallback callback) {
    metrics.miss();
    if (shared == null) {
      upstream(key, query, callback);
    } else {
      shared.lookup(key).thenAcceptAsync(entry -> afterShared(entry, key, query, callback), executor);
    }
  }

  /**
   * A shared lookup came back (by its deadline): a fresh entry is answered and kept in process, one in the
   * stale window is handled as an in-process stale entry would be, anything else goes upstream. A payload
   * that does not decode is never served: refused (counted, deleted) and the query goes upstream.
   */
  private void afterShared(CachedAnswer found, CacheKey key, ParsedQuery query, AnswerCallback callback) {
    CachedAnswer entry = found == null ? null : sharedEntry(found, key, query);
    long now = config.clock().millis();
    if (entry != null && entry.isFresh(now)) {
      Scratch s = SCRATCH.get();
      if (write(entry, query, entry.elapsedSeconds(now), 0, s)) {
        cache.store(key, entry);
        deliver(entry, query, 0, now, s, callback);
        return;
      }
      shared.reject(key, SharedValues.Rejection.UNDECODABLE);
    } else if (entry != null && entry.isServableStale(now, maxStaleMillis)) {
      cache.store(key, entry);
      refreshOrServeStale(entry, key, query, callback);
      return;
    }
    upstream(key, query, callback);
  }

  /** The shared entry in this resolver's decoder mode, or null (refused) if it does not convert. */
  private CachedAnswer sharedEntry(CachedAnswer entry, CacheKey key, ParsedQuery query) {
    try {
      return entries.fromMessage(entry, query);
    } catch (IOException | RuntimeException e) {
      shared.reject(key, SharedValues.Rejection.UNDECODABLE);
      return null;
    }
  }

  /** Stage 4 on a miss: one upstream query per key, however many clients wait for it. */
  private void upstream(CacheKey key, ParsedQuery query, AnswerCallback callback) {
    boolean[] joined = new boolean[1];
    inFlight.fetch(key, k -> fetch(k, query), joined)
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
    inFlight.fetch(key, k -> fetch(k, query), null).whenCompleteAsync((fresh, error) -> {
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
    inFlight.fetch(key, k -> fetch(k, query), null);
  }

  /**
   * Stages 4 and 5: the upstream query for {@code query}'s question, its reply made a cache entry (and
   * queued for the shared cache: NOERROR and NXDOMAIN only, never SERVFAIL).
   */
  private CompletableFuture<CachedAnswer> fetch(CacheKey key, ParsedQuery query) {
    Message upstreamQuery;
    try {
      upstreamQuery = upstreamQuery(query);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    return upstreams.query(upstreamQuery).toCompletableFuture()
        .thenApply(reply -> store(key, reply, query));
  }

  private CachedAnswer store(CacheKey key, Message reply, ParsedQuery query) {
    if (shared == null) {
      return entries.create(reply, query, config.clock().millis());
    }
    CacheEntryFactory.Created created = entries.createWithMessage(reply, query, config.clock().millis());
    CachedAnswer entry = created.entry();
    if (entry.cacheable() && (entry.rcode() == Rcode.NOERROR || entry.rcode() == Rcode.NXDOMAIN)) {
      shared.offer(key, created.message(), entry);
    }
    return entry;
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
    if (write(entry, q, elapsed, ttlOverride, s)) {
      deliver(entry, q, ttlOverride, now, s, callback);
    } else {
      LOG.log(System.Logger.Level.WARNING, "a cached answer did not decode; answering SERVFAIL");
      error(q, Rcode.SERVFAIL, true, ErrorAnswer.NO_EDE, s.writer, callback);
    }
  }

  /** Decodes the entry into the thread's writer; false if it does not decode. */
  private boolean write(CachedAnswer entry, ParsedQuery q, int elapsed, int ttlOverride, Scratch s) {
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
      LOG.log(System.Logger.Level.DEBUG, "a cached answer did not decode", e);
      return false;
    }
    if (timed) {
      metrics.decodeTime(System.nanoTime() - start);
    }
    return true;
  }

  /** Hands the written answer to the callback, with its max-age. */
  private void deliver(CachedAnswer entry, ParsedQuery q, int ttlOverride, long now, Scratch s,
      AnswerCallback callback) {
    AnswerWriter w = s.writer;
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
    if (shared != null) {
      shared.close();
    }
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
