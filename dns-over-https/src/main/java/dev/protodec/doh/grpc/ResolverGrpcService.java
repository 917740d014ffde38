package dev.protodec.doh.grpc;

import dev.protodec.dns.fast.DnsMessage;
import dev.protodec.doh.grpc.v1.DnsResolverGrpc;
import dev.protodec.doh.resolver.AnswerCallback;
import dev.protodec.doh.resolver.MalformedQueryException;
import dev.protodec.doh.resolver.Resolver;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;

/**
 * {@code protodec.doh.v1.DnsResolver/Resolve} over a {@link Resolver}: the structured query becomes DNS
 * wire, goes through the same request path as a DoH query (cache, upstream), and the wire answer comes
 * back structured. A query that cannot be written as DNS (a bad name) or that the resolver calls
 * malformed fails with {@code INVALID_ARGUMENT}; DNS-level errors are answers (FORMERR, SERVFAIL, ...).
 */
public final class ResolverGrpcService extends DnsResolverGrpc.DnsResolverImplBase {
  private final Resolver resolver;

  public ResolverGrpcService(Resolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public void resolve(DnsMessage request, StreamObserver<DnsMessage> responses) {
    byte[] query;
    try {
      query = QueryMessages.toWire(request);
    } catch (IllegalArgumentException e) {
      responses.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    resolver.resolve(query, 0, query.length, new Reply(responses));
  }

  /** Delivers one resolver outcome to the gRPC call. */
  private static final class Reply implements AnswerCallback {
    private final StreamObserver<DnsMessage> responses;

    Reply(StreamObserver<DnsMessage> responses) {
      this.responses = responses;
    }

    @Override
    public void onAnswer(byte[] answer, int length, int maxAgeSeconds) {
      DnsMessage message;
      try {
        message = QueryMessages.fromWire(answer, length);
      } catch (IOException e) {
        responses.onError(Status.INTERNAL.withDescription("unreadable answer: " + e.getMessage())
            .asRuntimeException());
        return;
      }
      responses.onNext(message);
      responses.onCompleted();
    }

    @Override
    public void onMalformed(MalformedQueryException error) {
      responses.onError(Status.INVALID_ARGUMENT
          .withDescription(error.reason() + ": " + error.getMessage()).asRuntimeException());
    }
  }
}
