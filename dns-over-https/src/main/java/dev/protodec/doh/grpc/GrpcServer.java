package dev.protodec.doh.grpc;

import dev.protodec.doh.resolver.Resolver;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC API on its own port (cleartext h2, for use on loopback or behind a proxy): grpc-java's
 * shaded Netty transport serving {@link ResolverGrpcService}. A port of its own keeps grpc-java's Netty
 * (shaded, its own version) apart from the DoH server's.
 */
public final class GrpcServer implements AutoCloseable {
  private final Server server;
  private final InetSocketAddress address;

  public GrpcServer(InetSocketAddress address, Resolver resolver) {
    this.address = address;
    this.server = NettyServerBuilder.forAddress(address)
        .addService(new ResolverGrpcService(resolver))
        .maxInboundMessageSize(65_535)
        .build();
  }

  public GrpcServer start() throws IOException {
    server.start();
    return this;
  }

  /** The address it was asked to bind (see {@link #port()} for the port actually bound). */
  public InetSocketAddress address() {
    return address;
  }

  /** The bound port (useful when started on port 0). */
  public int port() {
    return server.getPort();
  }

  /** Stops taking calls, lets running ones finish for up to five seconds, then cancels the rest. */
  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
