package dev.protodec.doh.cli;

import dev.protodec.doh.metrics.JvmProcessMetrics;
import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.doh.server.DohServer;
import dev.protodec.doh.server.DohServerConfig;
import dev.protodec.doh.server.MetricsServer;
import dev.protodec.doh.server.TlsSettings;
import dev.protodec.doh.shared.SharedCacheConfig;
import dev.protodec.doh.shared.SharedCacheUri;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import dev.protodec.doh.grpc.GrpcServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the resolver behind the DoH front until SIGTERM/SIGINT. The whole life cycle in
 * {@link #call()}: configs from flags, start, one line with the addresses, wait, drain, exit 0.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    showDefaultValues = true,
    description = {
      "Serves DNS over HTTPS (RFC 8484 GET and POST on /dns-query) and the JSON API (/resolve),",
      "HTTP/2 and HTTP/1.1 on one port. Without --upstream, an embedded authoritative server on",
      "loopback serves --zone (default: a small bundled zone) and is the upstream."
    })
public final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  /** The resolver's and the front's configuration, and the metrics and gRPC addresses if any. */
  public static final class Configs {
    private final ResolverConfig resolver;
    private final DohServerConfig server;
    private final InetSocketAddress metrics;
    private final InetSocketAddress grpc;

    Configs(ResolverConfig resolver, DohServerConfig server, InetSocketAddress metrics,
        InetSocketAddress grpc) {
      this.resolver = resolver;
      this.server = server;
      this.metrics = metrics;
      this.grpc = grpc;
    }

    public Optional<InetSocketAddress> grpc() {
      return Optional.ofNullable(grpc);
    }

    public ResolverConfig resolver() {
      return resolver;
    }

    public DohServerConfig server() {
      return server;
    }

    public Optional<InetSocketAddress> metrics() {
      return Optional.ofNullable(metrics);
    }
  }

  @Spec private CommandSpec spec;

  @Option(names = "--listen", paramLabel = "HOST:PORT", converter = HostPortConverter.class,
      defaultValue = "127.0.0.1:8443", description = "Address of the DoH port (port 0: any free one).")
  private InetSocketAddress listen;

  @Option(names = "--tls", paramLabel = "self-signed|CERT,KEY|off", converter = TlsConverter.class,
      defaultValue = "self-signed",
      description = "TLS: a certificate for localhost made at start-up, PEM certificate chain and PKCS#8 key"
          + " files, or off (cleartext HTTP/1.1 and h2c, for use behind a proxy).")
  private TlsSettings tls;

  @Option(names = "--tls12", description = "Also accept TLS 1.2 (TLS 1.3 only otherwise).")
  private boolean tls12;

  @Option(names = "--upstream", paramLabel = "HOST:PORT", split = ",", converter = HostPortConverter.class,
      description = "Upstream DNS servers (UDP, TCP on truncation), comma-separated."
          + " None: the embedded zone server.")
  private List<InetSocketAddress> upstreams = List.of();

  @Option(names = "--upstream-file", paramLabel = "FILE",
      description = "Upstream servers from a file, one HOST:PORT per line (# comments), re-read on SIGHUP."
          + " Replaces --upstream.")
  private Path upstreamFile;

  @Option(names = "--grpc", paramLabel = "HOST:PORT", converter = HostPortConverter.class,
      description = "Also serve the gRPC API (protodec.doh.v1.DnsResolver/Resolve, cleartext h2) on this address.")
  private InetSocketAddress grpc;

  @Option(names = "--zone", paramLabel = "FILE",
      description = "Zone file the embedded server serves when no --upstream is given (default: the bundled zone).")
  private Path zone;

  @Option(names = "--decoder", paramLabel = "generated|generated-zero-copy|reflective|wire",
      defaultValue = "generated", converter = DecoderModeConverter.class,
      description = "How cached answers are kept and decoded on a hit: protodec's generated classes (strict,"
          + " or in zero-copy mode), protobuf-java's DynamicMessage, or DNS wire patched in place.")
  private DecoderMode decoder;

  @Option(names = "--metrics", paramLabel = "HOST:PORT", converter = HostPortConverter.class,
      description = "Serve Prometheus metrics at http://HOST:PORT/metrics (default: not served).")
  private InetSocketAddress metrics;

  @Option(names = "--cache-bytes", paramLabel = "BYTES", defaultValue = "67108864",
      description = "Bound of the in-process answer cache in bytes (0: none, every query goes to the shared"
          + " cache, then upstream).")
  private long cacheBytes;

  @Option(names = "--min-ttl", paramLabel = "SECONDS", defaultValue = "0",
      description = "Smallest TTL an answer is cached for.")
  private int minTtl;

  @Option(names = "--max-ttl", paramLabel = "SECONDS", defaultValue = "86400",
      description = "Largest TTL an answer is cached for.")
  private int maxTtl;

  @Option(names = "--serve-stale", paramLabel = "SECONDS", defaultValue = "86400",
      description = "How long past expiry an answer may be served when upstreams fail (RFC 8767; 0: never).")
  private long serveStaleSeconds;

  @Option(names = "--shared-cache", paramLabel = "URI",
      description = {"Share the cache with other instances on Redis: asked on an in-process miss, written"
          + " behind upstream answers. redis://[USER:PASSWORD@]HOST:PORT, rediss://... (TLS), or"
          + " redis-cluster://[USER:PASSWORD@]HOST:PORT,HOST:PORT,... (Redis Cluster seeds;"
          + " rediss-cluster:// with TLS). Percent-encode special characters in USER and PASSWORD."
          + " Redis down or slow: answers come from this instance and its upstreams."})
  private String sharedCache;

  @Option(names = "--shared-cache-deadline", paramLabel = "MILLIS", defaultValue = "5",
      description = "How long an in-process miss waits for the shared cache before it goes upstream.")
  private long sharedCacheDeadlineMillis;

  @Option(names = "--shared-cache-queue", paramLabel = "N", defaultValue = "10000",
      description = "Writes to the shared cache that may wait; more are dropped (and counted).")
  private int sharedCacheQueue;

  @Option(names = "--pad-always",
      description = "Pad every EDNS answer to a multiple of 468 bytes (RFC 8467), not only when the query asks.")
  private boolean padAlways;

  @Option(names = "--max-streams", paramLabel = "N", defaultValue = "100",
      description = "Concurrent HTTP/2 streams per connection.")
  private int maxStreams;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1024",
      description = "Open connections; more are closed on accept.")
  private int maxConnections;

  @Option(names = "--max-header-bytes", paramLabel = "BYTES", defaultValue = "8192",
      description = "Request header list size; larger requests get 431.")
  private int maxHeaderBytes;

  @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Close a connection idle this long.")
  private long idleSeconds;

  @Option(names = "--header-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Close a connection whose TLS handshake and first request headers take longer (slow clients).")
  private long headerSeconds;

  @Option(names = "--max-rst", paramLabel = "N", defaultValue = "200",
      description = "RST_STREAM frames a client may send per --rst-window before it is disconnected (rapid reset).")
  private int maxRst;

  @Option(names = "--rst-window", paramLabel = "SECONDS", defaultValue = "30",
      description = "Window of --max-rst.")
  private int rstWindowSeconds;

  @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "5",
      description = "How long shutdown waits for in-flight requests.")
  private long drainSeconds;

  @Option(names = "--reuse-port",
      description = "Bind the DoH port with SO_REUSEPORT (epoll): start the new instance on the same address,"
          + " then SIGTERM the old one, which drains; no connection is refused meanwhile.")
  private boolean reusePort;

  @Option(names = "--io-threads", paramLabel = "N", defaultValue = "0",
      description = "Event-loop threads (0: one per processor).")
  private int ioThreads;

  /** The configurations the flags describe, sharing one new metrics registry; starts nothing. */
  public Configs configs() {
    PrometheusRegistry registry = new PrometheusRegistry();
    try {
      ResolverConfig resolver =
          ResolverConfig.builder()
              .decoder(decoder)
              .upstreams(upstreamFile == null ? upstreams : UpstreamFile.read(upstreamFile))
              .zoneFile(zone)
              .cacheMaxBytes(cacheBytes)
              .minTtl(minTtl)
              .maxTtl(maxTtl)
              .maxStale(Duration.ofSeconds(serveStaleSeconds))
              .padAlways(padAlways)
              .sharedCache(sharedCacheConfig())
              .registry(registry)
              .build();
      DohServerConfig server =
          DohServerConfig.builder()
              .listen(listen)
              .tls(tls.withTls12(tls12))
              .maxConcurrentStreams(maxStreams)
              .maxConnections(maxConnections)
              .maxHeaderListSize(maxHeaderBytes)
              .idleTimeout(Duration.ofSeconds(idleSeconds))
              .headerReadTimeout(Duration.ofSeconds(headerSeconds))
              .rstLimit(maxRst, Duration.ofSeconds(rstWindowSeconds))
              .drainTimeout(Duration.ofSeconds(drainSeconds))
              .ioThreads(ioThreads)
              .reusePort(reusePort)
              .registry(registry)
              .build();
      return new Configs(resolver, server, metrics, grpc);
    } catch (java.io.IOException e) {
      throw new ParameterException(spec.commandLine(), "--upstream-file: cannot read " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private SharedCacheConfig sharedCacheConfig() {
    if (sharedCache == null) {
      return null;
    }
    return SharedCacheConfig.of(SharedCacheUri.parse(sharedCache))
        .withReadDeadline(Duration.ofMillis(sharedCacheDeadlineMillis))
        .withWriteQueue(sharedCacheQueue);
  }

  @Override
  public Integer call() throws Exception {
    Configs configs = configs();
    JvmProcessMetrics.register(configs.server().registry());
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch drained = new CountDownLatch(1);
    try (DefaultResolver resolver = new DefaultResolver(configs.resolver());
        DohServer server = new DohServer(configs.server(), resolver).start();
        MetricsServer metricsServer = startMetrics(configs);
        GrpcServer grpcServer = startGrpc(configs, resolver)) {
      Signals.onTerminate(stop::countDown);
      Signals.onHangUp(new Reloader(resolver, upstreamFile)::reload);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> drainBeforeExit(stop, drained, configs), "doh-drain"));
      PrintWriter out = spec.commandLine().getOut();
      out.println(startLine(resolver, server, metricsServer, grpcServer));
      out.flush();
      stop.await();
      LOG.info("stopping: draining in-flight requests (up to {})", configs.server().drainTimeout());
    } finally {
      drained.countDown();
    }
    return 0;
  }

  /** If the JVM exits another way (a signal without a handler), it still waits for the drain. */
  private static void drainBeforeExit(CountDownLatch stop, CountDownLatch drained, Configs configs) {
    stop.countDown();
    try {
      drained.await(configs.server().drainTimeout().toMillis() + 2_000, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static MetricsServer startMetrics(Configs configs) throws java.io.IOException {
    InetSocketAddress address = configs.metrics().orElse(null);
    return address == null ? null : MetricsServer.start(address, configs.server().registry());
  }

  private static GrpcServer startGrpc(Configs configs, DefaultResolver resolver) throws java.io.IOException {
    InetSocketAddress address = configs.grpc().orElse(null);
    return address == null ? null : new GrpcServer(address, resolver).start();
  }

  private static String startLine(DefaultResolver resolver, DohServer server, MetricsServer metrics,
      GrpcServer grpc) {
    InetSocketAddress a = server.address();
    String host = a.getAddress().getHostAddress();
    String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    String line = "protodec-doh serving " + (server.tls() ? "https" : "http") + "://" + authority + "/dns-query";
    if (metrics != null) {
      line += ", metrics on http://" + metrics.address().getHostString() + ":" + metrics.address().getPort() + "/metrics";
    }
    if (grpc != null) {
      line += ", gRPC on " + grpc.address().getHostString() + ":" + grpc.port();
    }
    if (resolver.sharedCache().isPresent()) {
      line += ", shared cache " + resolver.sharedCache().get().config().uri();
    }
    return line;
  }
}
