package dev.protodec.doh.shared;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisKeyAsyncCommands;
import io.lettuce.core.api.async.RedisStringAsyncCommands;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The connection to Redis (one server or a cluster) through Lettuce, and its life cycle: the first
 * connection is retried in the background until it succeeds (backing off up to the configured delay; a
 * wrong password is logged and kept as {@link #lastError()}); after that Lettuce reconnects by itself.
 * While disconnected, commands fail at once instead of queueing ({@code REJECT_COMMANDS}), so nothing
 * waits on a Redis that is away. Lettuce runs on its own Netty event loops, from the project's netty-bom.
 */
final class RedisLink implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RedisLink.class.getName());
  private static final long FIRST_RETRY_MILLIS = 100;

  private final SharedCacheConfig config;
  private final ClientResources resources;
  private final AbstractRedisClient client;
  private final List<RedisURI> uris;
  private final ScheduledExecutorService timer;
  private final SharedCacheMetrics metrics;
  private volatile StatefulConnection<byte[], byte[]> connection;
  private volatile RedisStringAsyncCommands<byte[], byte[]> strings;
  private volatile RedisKeyAsyncCommands<byte[], byte[]> keys;
  private volatile String lastError;
  private volatile boolean closed;

  RedisLink(SharedCacheConfig config, ScheduledExecutorService timer, SharedCacheMetrics metrics) {
    this.config = config;
    this.timer = timer;
    this.metrics = metrics;
    this.resources = ClientResources.builder()
        .ioThreadPoolSize(2)
        .computationThreadPoolSize(2)
        .reconnectDelay(Delay.exponential(Duration.ofMillis(20), config.maxReconnectDelay(), 2, TimeUnit.MILLISECONDS))
        .build();
    this.uris = uris(config);
    SocketOptions socket = SocketOptions.builder().connectTimeout(config.connectTimeout()).keepAlive(true).build();
    if (config.uri().cluster()) {
      RedisClusterClient cluster = RedisClusterClient.create(resources, uris);
      cluster.setOptions(ClusterClientOptions.builder()
          .autoReconnect(true)
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
          .requestQueueSize(config.maxWritesInFlight() * 4)
          .socketOptions(socket)
          .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
              .enableAllAdaptiveRefreshTriggers()
              .enablePeriodicRefresh(Duration.ofSeconds(30))
              .build())
          .build());
      this.client = cluster;
    } else {
      RedisClient single = RedisClient.create(resources);
      single.setOptions(ClientOptions.builder()
          .autoReconnect(true)
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
          .requestQueueSize(config.maxWritesInFlight() * 4)
          .socketOptions(socket)
          .build());
      this.client = single;
    }
  }

  private static List<RedisURI> uris(SharedCacheConfig config) {
    SharedCacheUri uri = config.uri();
    List<RedisURI> out = new ArrayList<>();
    for (InetSocketAddress seed : uri.seeds()) {
      RedisURI.Builder b = RedisURI.builder().withHost(seed.getHostString()).withPort(seed.getPort())
          .withSsl(uri.tls()).withTimeout(config.connectTimeout()).withClientName("protodec-doh");
      if (uri.password() != null) {
        if (uri.username() != null) {
          b.withAuthentication(uri.username(), uri.password());
        } else {
          b.withPassword(uri.password());
        }
      }
      out.add(b.build());
    }
    return out;
  }

  /** Starts connecting in the background; returns at once. */
  void start() {
    connect(FIRST_RETRY_MILLIS);
  }

  private void connect(long retryMillis) {
    if (closed) {
      return;
    }
    CompletableFuture<? extends StatefulConnection<byte[], byte[]>> attempt;
    try {
      if (client instanceof RedisClusterClient) {
        RedisClusterClient cluster = (RedisClusterClient) client;
        // Lettuce 7 connects asynchronously only once the topology is loaded
        attempt = cluster.refreshPartitionsAsync().toCompletableFuture()
            .thenCompose(loaded -> cluster.connectAsync(ByteArrayCodec.INSTANCE));
      } else {
        attempt = ((RedisClient) client).connectAsync(ByteArrayCodec.INSTANCE, uris.get(0)).toCompletableFuture();
      }
    } catch (RuntimeException e) {
      attempt = CompletableFuture.failedFuture(e);
    }
    attempt.whenComplete((c, error) -> {
      if (error == null) {
        connected(c);
      } else {
        failed(error, retryMillis);
      }
    });
  }

  private void connected(StatefulConnection<byte[], byte[]> c) {
    if (closed) {
      c.closeAsync();
      return;
    }
    if (c instanceof StatefulRedisClusterConnection) {
      // node connections open lazily and reject commands until up: open them all before the first GET
      var async = ((StatefulRedisClusterConnection<byte[], byte[]>) c).async();
      async.masters().commands().ping().toCompletableFuture()
          .orTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .whenComplete((pong, error) -> {
            keys = async;
            strings = async;
            publish(c);
          });
    } else {
      var async = ((StatefulRedisConnection<byte[], byte[]>) c).async();
      keys = async;
      strings = async;
      publish(c);
    }
  }

  private void publish(StatefulConnection<byte[], byte[]> c) {
    connection = c;
    lastError = null;
    LOG.log(System.Logger.Level.INFO, "shared cache: connected to {0}", config.uri());
  }

  private void failed(Throwable error, long retryMillis) {
    metrics.connectFailure();
    String message = describe(error);
    boolean changed = !message.equals(lastError);
    lastError = message;
    LOG.log(changed ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
        "shared cache: cannot connect to {0}: {1}; answering without it, retrying in {2} ms",
        config.uri(), message, retryMillis);
    if (!closed) {
      long next = Math.min(retryMillis * 2, config.maxReconnectDelay().toMillis());
      timer.schedule(() -> connect(next), retryMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** The causes' messages, outermost first ("Unable to connect to ...: WRONGPASS invalid ..."). */
  private static String describe(Throwable error) {
    StringBuilder s = new StringBuilder();
    for (Throwable t = error; t != null && s.length() < 500; t = t.getCause()) {
      if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
        continue;
      }
      String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
      if (s.indexOf(m) < 0) {
        s.append(s.length() == 0 ? "" : ": ").append(m);
      }
    }
    return s.toString();
  }

  /** Whether a connection is open now. */
  boolean up() {
    StatefulConnection<byte[], byte[]> c = connection;
    return c != null && c.isOpen();
  }

  /** Why the last connection attempt failed, or null once connected. */
  String lastError() {
    return lastError;
  }

  /** GET, or null before the first connection. */
  RedisFuture<byte[]> get(byte[] key) {
    RedisStringAsyncCommands<byte[], byte[]> s = strings;
    return s == null ? null : s.get(key);
  }

  /** SET with an expiry in milliseconds, or null before the first connection. */
  RedisFuture<String> set(byte[] key, byte[] value, long expiryMillis) {
    RedisStringAsyncCommands<byte[], byte[]> s = strings;
    return s == null ? null : s.set(key, value, SetArgs.Builder.px(expiryMillis));
  }

  /** DEL, or null before the first connection. */
  RedisFuture<Long> delete(byte[] key) {
    RedisKeyAsyncCommands<byte[], byte[]> k = keys;
    return k == null ? null : k.del(key);
  }

  @Override
  public void close() {
    closed = true;
    client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    resources.shutdown(0, 1, TimeUnit.SECONDS);
  }
}
