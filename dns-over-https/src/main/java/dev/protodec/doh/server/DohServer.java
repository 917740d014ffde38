package dev.protodec.doh.server;

import dev.protodec.doh.resolver.Resolver;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The DoH server: RFC 8484 and the JSON API over HTTP/2 and HTTP/1.1 on one port, in front of a
 * {@link Resolver}. {@link #start()} binds, {@link #close()} stops accepting, drains in-flight
 * requests (up to {@link DohServerConfig#drainTimeout()}) and stops the event loops. The resolver
 * belongs to the caller: it is not closed here.
 *
 * <pre>{@code
 * try (DohServer server = new DohServer(config, resolver)) {
 *   server.start();
 *   ... server.port() ...
 * }
 * }</pre>
 */
public final class DohServer implements AutoCloseable {

  private static final InternalLogger LOG = InternalLoggerFactory.getInstance(DohServer.class);

  private final DohServerConfig config;
  private final Resolver resolver;
  private final FrontMetrics metrics;
  private final InFlight inFlight = new InFlight();
  private ConnectionLimiter limiter;
  private final ChannelGroup channels = new DefaultChannelGroup("doh-connections", GlobalEventExecutor.INSTANCE);
  private final Transport transport = Transport.best();
  private EventLoopGroup bossGroup;
  private EventLoopGroup workerGroup;
  private Channel serverChannel;
  private boolean closed;

  /** Registers the front's counters in {@code config.registry()} (once per registry). */
  public DohServer(DohServerConfig config, Resolver resolver) {
    this.config = Objects.requireNonNull(config);
    this.resolver = Objects.requireNonNull(resolver);
    this.metrics = new FrontMetrics(config.registry());
  }

  /** Binds and starts serving; returns once the port is bound. */
  public synchronized DohServer start() throws IOException {
    if (serverChannel != null || closed) {
      throw new IllegalStateException(closed ? "closed" : "already started");
    }
    SslContext ssl = sslContext();
    DohRouter router = new DohRouter(resolver, metrics, inFlight);
    limiter = new ConnectionLimiter(config.maxConnections(), channels);
    bossGroup = transport.newGroup(1, "doh-accept");
    workerGroup = transport.newGroup(config.ioThreads(), "doh-io");
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(transport.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            // Past 64 KiB queued for a client that does not read, the channel turns unwritable (HTTP/2
            // flow control and the per-stream windows then hold answers back, not the socket buffer).
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
            .childHandler(new DohInitializer(config, ssl, router, metrics, limiter));
    if (config.reusePort()) {
      if (transport == Transport.EPOLL) {
        bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
      } else {
        LOG.warn("SO_REUSEPORT asked for but the epoll transport is not available: binding without it");
      }
    }
    try {
      serverChannel = bootstrap.bind(config.listen()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      shutDownGroups();
      throw new IOException("cannot listen on " + config.listen() + ": " + e.getMessage(), e);
    }
    LOG.info(
        "DoH front on {} ({}, {} transport, {})",
        address(), config.tls(), transport, config.tls().enabled() ? (SslContexts.boringSsl() ? "BoringSSL" : "JDK TLS") : "no TLS");
    return this;
  }

  /** The address bound (the real port when the config asked for port 0). */
  public InetSocketAddress address() {
    Channel ch = serverChannel;
    if (ch == null) {
      throw new IllegalStateException("not started");
    }
    return (InetSocketAddress) ch.localAddress();
  }

  public int port() {
    return address().getPort();
  }

  /** Connections open now (accepted and not yet closed, those over the limit included until closed). */
  public int openConnections() {
    ConnectionLimiter l = limiter;
    return l == null ? 0 : l.open();
  }

  /** Requests handed to the resolver whose answer has not been written yet. */
  public int inFlight() {
    return inFlight.count();
  }

  /** Whether TLS is on (else cleartext HTTP/1.1 and h2c). */
  public boolean tls() {
    return config.tls().enabled();
  }

  /** Stops accepting, lets in-flight requests finish (bounded), closes connections and event loops. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
      for (Channel ch : channels) {
        ch.pipeline().fireUserEventTriggered(Drain.INSTANCE);
      }
      try {
        int left = inFlight.awaitNone(config.drainTimeout());
        if (left > 0) {
          LOG.warn("closing with {} requests still in flight after {}", left, config.drainTimeout());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      channels.close().awaitUninterruptibly(config.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
    shutDownGroups();
  }

  private void shutDownGroups() {
    if (bossGroup != null) {
      bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
    if (workerGroup != null) {
      workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }

  private SslContext sslContext() throws IOException {
    if (!config.tls().enabled()) {
      return null;
    }
    try {
      return SslContexts.forServer(config.tls());
    } catch (GeneralSecurityException | IOException e) {
      throw new IOException("cannot set up TLS (" + config.tls() + "): " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot read the certificate or key (" + config.tls() + "): " + e.getMessage(), e);
    }
  }
}
