package dev.protodec.doh.server;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link DohServer} needs besides its resolver: where it listens, its TLS, the limits it
 * enforces on clients, and the registry its counters go to. Immutable; made with {@link #builder()}.
 */
public final class DohServerConfig {

  /** RFC 8484 section 6 recommends supporting at least this; a DNS message over TCP cannot be larger. */
  public static final int MAX_BODY_BYTES = 65_535;

  private final InetSocketAddress listen;
  private final TlsSettings tls;
  private final int maxConcurrentStreams;
  private final int maxConnections;
  private final int maxHeaderListSize;
  private final Duration idleTimeout;
  private final Duration headerReadTimeout;
  private final int maxRstFramesPerWindow;
  private final Duration rstWindow;
  private final Duration drainTimeout;
  private final int ioThreads;
  private final boolean reusePort;
  private final int maxControlFramesPerSecond;
  private final PrometheusRegistry registry;

  private DohServerConfig(Builder b) {
    this.listen = b.listen;
    this.tls = b.tls;
    this.maxConcurrentStreams = b.maxConcurrentStreams;
    this.maxConnections = b.maxConnections;
    this.maxHeaderListSize = b.maxHeaderListSize;
    this.idleTimeout = b.idleTimeout;
    this.headerReadTimeout = b.headerReadTimeout;
    this.maxRstFramesPerWindow = b.maxRstFramesPerWindow;
    this.rstWindow = b.rstWindow;
    this.drainTimeout = b.drainTimeout;
    this.ioThreads = b.ioThreads;
    this.reusePort = b.reusePort;
    this.maxControlFramesPerSecond = b.maxControlFramesPerSecond;
    this.registry = b.registry;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The address to bind; port 0 picks a free one ({@link DohServer#port()} tells which). */
  public InetSocketAddress listen() {
    return listen;
  }

  public TlsSettings tls() {
    return tls;
  }

  /** SETTINGS_MAX_CONCURRENT_STREAMS advertised to HTTP/2 clients. */
  public int maxConcurrentStreams() {
    return maxConcurrentStreams;
  }

  /** Connections past this many are closed as soon as they are accepted. */
  public int maxConnections() {
    return maxConnections;
  }

  /** Bytes of request headers accepted (HTTP/2 SETTINGS_MAX_HEADER_LIST_SIZE; HTTP/1.1 header block); past it, 431. */
  public int maxHeaderListSize() {
    return maxHeaderListSize;
  }

  /** A connection with neither reads nor writes for this long is closed. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /**
   * A connection whose first request headers (TLS handshake included) take longer is closed; over
   * HTTP/1.1 so is one whose later request, once its first bytes are in, is not read in full in this
   * time.
   */
  public Duration headerReadTimeout() {
    return headerReadTimeout;
  }

  /** RST_STREAM frames a client may send per {@link #rstWindow()} before the connection is closed (rapid reset). */
  public int maxRstFramesPerWindow() {
    return maxRstFramesPerWindow;
  }

  public Duration rstWindow() {
    return rstWindow;
  }

  /** How long {@link DohServer#close()} waits for in-flight requests. */
  public Duration drainTimeout() {
    return drainTimeout;
  }

  /** Event-loop threads; 0 means one per available processor. */
  public int ioThreads() {
    return ioThreads;
  }

  /**
   * Whether the listening socket is bound with {@code SO_REUSEPORT} (epoll transport only), so that a new
   * instance can bind the same address while the old one drains: a restart without refused connections.
   */
  public boolean reusePort() {
    return reusePort;
  }

  /**
   * HTTP/2 frames that carry no request (SETTINGS, PING, PRIORITY, WINDOW_UPDATE, unknown types) a client
   * may send per second; past it the connection gets GOAWAY(ENHANCE_YOUR_CALM) and is closed.
   */
  public int maxControlFramesPerSecond() {
    return maxControlFramesPerSecond;
  }

  /** Where the front's counters are registered. */
  public PrometheusRegistry registry() {
    return registry;
  }

  @Override
  public String toString() {
    return "DohServerConfig{listen=" + listen + ", " + tls + ", maxConcurrentStreams=" + maxConcurrentStreams
        + ", maxConnections=" + maxConnections + ", maxHeaderListSize=" + maxHeaderListSize
        + ", idleTimeout=" + idleTimeout + ", headerReadTimeout=" + headerReadTimeout
        + ", rst=" + maxRstFramesPerWindow + "/" + rstWindow + ", drainTimeout=" + drainTimeout
        + ", ioThreads=" + ioThreads + ", reusePort=" + reusePort
        + ", maxControlFramesPerSecond=" + maxControlFramesPerSecond + "}";
  }

  /** Defaults: 127.0.0.1:8443, self-signed TLS 1.3, 100 streams, 1024 connections, 8 KiB headers. */
  public static final class Builder {
    private InetSocketAddress listen = new InetSocketAddress("127.0.0.1", 8443);
    private TlsSettings tls = TlsSettings.selfSigned();
    private int maxConcurrentStreams = 100;
    private int maxConnections = 1024;
    private int maxHeaderListSize = 8192;
    private Duration idleTimeout = Duration.ofSeconds(30);
    private Duration headerReadTimeout = Duration.ofSeconds(10);
    private int maxRstFramesPerWindow = 200;
    private Duration rstWindow = Duration.ofSeconds(30);
    private Duration drainTimeout = Duration.ofSeconds(5);
    private int ioThreads = 0;
    private boolean reusePort = false;
    private int maxControlFramesPerSecond = 500;
    private PrometheusRegistry registry = PrometheusRegistry.defaultRegistry;

    private Builder() {}

    public Builder listen(InetSocketAddress listen) {
      this.listen = Objects.requireNonNull(listen);
      return this;
    }

    public Builder tls(TlsSettings tls) {
      this.tls = Objects.requireNonNull(tls);
      return this;
    }

    public Builder maxConcurrentStreams(int n) {
      this.maxConcurrentStreams = positive(n, "maxConcurrentStreams");
      return this;
    }

    public Builder maxConnections(int n) {
      this.maxConnections = positive(n, "maxConnections");
      return this;
    }

    public Builder maxHeaderListSize(int bytes) {
      this.maxHeaderListSize = positive(bytes, "maxHeaderListSize");
      return this;
    }

    public Builder idleTimeout(Duration d) {
      this.idleTimeout = positive(d, "idleTimeout");
      return this;
    }

    public Builder headerReadTimeout(Duration d) {
      this.headerReadTimeout = positive(d, "headerReadTimeout");
      return this;
    }

    /** At most {@code frames} RST_STREAM frames per {@code window} (whole seconds). */
    public Builder rstLimit(int frames, Duration window) {
      this.maxRstFramesPerWindow = positive(frames, "maxRstFramesPerWindow");
      this.rstWindow = positive(window, "rstWindow");
      if (window.toSeconds() < 1) {
        throw new IllegalArgumentException("rstWindow must be at least one second: " + window);
      }
      return this;
    }

    public Builder drainTimeout(Duration d) {
      this.drainTimeout = Objects.requireNonNull(d);
      return this;
    }

    public Builder ioThreads(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("ioThreads must be 0 (one per processor) or more: " + n);
      }
      this.ioThreads = n;
      return this;
    }

    /** Bind with {@code SO_REUSEPORT} (ignored, with a warning, without the epoll transport). */
    public Builder reusePort(boolean on) {
      this.reusePort = on;
      return this;
    }

    public Builder maxControlFramesPerSecond(int n) {
      this.maxControlFramesPerSecond = positive(n, "maxControlFramesPerSecond");
      return this;
    }

    public Builder registry(PrometheusRegistry registry) {
      this.registry = Objects.requireNonNull(registry);
      return this;
    }

    public DohServerConfig build() {
      return new DohServerConfig(this);
    }

    private static int positive(int n, String what) {
      if (n <= 0) {
        throw new IllegalArgumentException(what + " must be positive: " + n);
      }
      return n;
    }

    private static Duration positive(Duration d, String what) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + d);
      }
      return d;
    }
  }
}
