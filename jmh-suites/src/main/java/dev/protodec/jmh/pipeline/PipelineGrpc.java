package dev.protodec.jmh.pipeline;

import dev.protodec.dns.v1.DnsMessage;
import dev.protodec.dns.v1.ResourceRecord;
import dev.protodec.doh.grpc.ResolverGrpcService;
import dev.protodec.doh.grpc.v1.DnsResolverGrpc;
import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.jmh.pipeline.PipelineWorkload.CorpusQuestion;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How many gRPC {@code Resolve} calls per second, and how many bytes per call, with the client's messages
 * and marshaller from protodec ({@code DnsResolverGrpc}'s generated stub) or from protobuf-java? Both call
 * the same server: the project's {@link ResolverGrpcService} (protodec's marshaller) over the resolver
 * with the generated decoder, through grpc-java's in-process transport with direct executors on both ends
 * (no sockets, no thread hops: the marshalling shows), all calls cache hits for the first {@value #CALLS} queries
 * of {@link PipelineCacheHit}, as structured {@code DnsMessage}s.
 *
 * <p>Baseline: {@link #protobufJavaMarshaller} (the report's ratios with {@code --reference protobufJava}).
 * Expected: the two close together. The server's own work per call (the structured query to DNS wire and
 * the wire answer back to a structured message, both through dnsjava, in {@code QueryMessages}) and
 * grpc-java's call machinery cost the same for both and far more than the cache hit itself, so the
 * client's marshaller is a small share of the call; a wide gap either way would point at a marshaller.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PipelineGrpc.CALLS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineGrpc extends PipelineBenchmark {
  /** Calls per operation: fewer than the other classes' requests, a call costs tens of microseconds. */
  static final int CALLS = 100;

  Server server;
  ManagedChannel channel;
  DnsResolverGrpc.DnsResolverBlockingStub protodecStub;
  MethodDescriptor<DnsMessage, DnsMessage> protobufJavaResolve;
  dev.protodec.dns.fast.DnsMessage[] protodecQueries;
  DnsMessage[] protobufJavaQueries;

  /**
   * The resolver (cross-checked as in the other pipeline classes, then warm), the in-process server and
   * channel, and the queries; then refuses to run unless both clients get the same answers (ID and TTLs
   * aside), with the corpus's rcodes and counts, all from the cache.
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    start(DecoderMode.GENERATED);
    String name = "pipeline-grpc-" + System.nanoTime();
    server = InProcessServerBuilder.forName(name).directExecutor().addService(new ResolverGrpcService(resolver))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    protodecStub = DnsResolverGrpc.newBlockingStub(channel);
    protobufJavaResolve = DnsResolverGrpc.getResolveMethod()
        .toBuilder(ProtobufJavaMarshaller.INSTANCE, ProtobufJavaMarshaller.INSTANCE).build();
    Random random = new Random(PipelineWorkload.SEED);
    int[] drawn = workload.draw(CALLS, random);
    protodecQueries = new dev.protodec.dns.fast.DnsMessage[CALLS];
    protobufJavaQueries = new DnsMessage[CALLS];
    for (int i = 0; i < CALLS; i++) {
      CorpusQuestion q = workload.questions().get(drawn[i]);
      protobufJavaQueries[i] = query(q, random.nextInt(1 << 16));
      protodecQueries[i] = dev.protodec.dns.fast.DnsMessage.parseFrom(protobufJavaQueries[i].toByteArray());
    }
    crossCheck();
  }

  /** The structured query for {@code q}: ID, RD, the question, EDNS and the DO bit as the wire query has them. */
  static DnsMessage query(CorpusQuestion q, int id) {
    DnsMessage.Builder m = DnsMessage.newBuilder();
    m.getHeaderBuilder().setId(id).setFlags(1 << 8);
    m.addQuestionsBuilder().setName(q.name().toString()).setQtype(q.type()).setQclass(1);
    if (q.edns()) {
      m.getEdnsBuilder().setUdpPayloadSize(PipelineWorkload.CLIENT_UDP_SIZE).setDnssecOk(q.dnssecOk());
    }
    return m.build();
  }

  /** Both clients on every distinct question: equal answers, the corpus's rcode and counts, no upstream query. */
  private void crossCheck() throws IOException {
    long upstreamBefore = upstream.answered();
    List<CorpusQuestion> questions = workload.questions();
    for (int i = 0; i < questions.size(); i++) {
      CorpusQuestion q = questions.get(i);
      DnsMessage request = query(q, i);
      DnsMessage expected = withoutIdAndTtls(ClientCalls.blockingUnaryCall(channel, protobufJavaResolve,
          CallOptions.DEFAULT, request));
      DnsMessage actual = withoutIdAndTtls(DnsMessage.parseFrom(
          protodecStub.resolve(dev.protodec.dns.fast.DnsMessage.parseFrom(request.toByteArray())).toByteArray()));
      if (!expected.equals(actual)) {
        throw new AnswerCrossCheck.AnswersDisagree("PipelineGrpc: protodecMarshaller disagrees with"
            + " protobufJavaMarshaller on " + q + ":\n" + expected + "\nversus\n" + actual);
      }
      if (expected.getHeader().getRcodeValue() != q.rcode() || expected.getAnswersCount() != q.answers()
          || expected.getAuthoritiesCount() != q.authorities()) {
        throw new AnswerCrossCheck.AnswersDisagree("PipelineGrpc: the answer to " + q + " is not the corpus"
            + " response's (rcode " + q.rcode() + ", " + q.answers() + " answers, " + q.authorities()
            + " authorities):\n" + expected);
      }
    }
    if (upstream.answered() != upstreamBefore) {
      throw new AnswerCrossCheck.AnswersDisagree("PipelineGrpc: " + (upstream.answered() - upstreamBefore)
          + " gRPC queries were not cache hits");
    }
    upstreamAnsweredAtStart = upstream.answered();
    System.out.println("pipeline gRPC cross-check: protodecMarshaller and protobufJavaMarshaller give the same"
        + " answers (ID and TTLs aside) for all " + questions.size() + " questions, all cache hits");
  }

  static DnsMessage withoutIdAndTtls(DnsMessage m) {
    DnsMessage.Builder b = m.toBuilder();
    b.getHeaderBuilder().clearId();
    for (ResourceRecord.Builder r : b.getAnswersBuilderList()) {
      r.clearTtl();
    }
    for (ResourceRecord.Builder r : b.getAuthoritiesBuilderList()) {
      r.clearTtl();
    }
    for (ResourceRecord.Builder r : b.getAdditionalsBuilderList()) {
      r.clearTtl();
    }
    return b.build();
  }

  @Override
  long expectedUpstreamQueries() {
    return 0;
  }

  @Benchmark
  public void protodecMarshaller(Blackhole bh) {
    operations++;
    for (dev.protodec.dns.fast.DnsMessage query : protodecQueries) {
      dev.protodec.dns.fast.DnsMessage answer = protodecStub.resolve(query);
      bh.consume(answer);
      bh.consume(answer.getAnswersCount());
    }
  }

  @Benchmark
  public void protobufJavaMarshaller(Blackhole bh) {
    operations++;
    for (DnsMessage query : protobufJavaQueries) {
      DnsMessage answer = ClientCalls.blockingUnaryCall(channel, protobufJavaResolve, CallOptions.DEFAULT, query);
      bh.consume(answer);
      bh.consume(answer.getAnswersCount());
    }
  }

  /** Closes the channel and the server, then what {@link PipelineBenchmark#tearDown} closes. */
  @TearDown(Level.Trial)
  public void closeGrpc() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
