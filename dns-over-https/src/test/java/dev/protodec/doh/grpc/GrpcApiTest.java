package dev.protodec.doh.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.dns.fast.DnsMessage;
import dev.protodec.dns.fast.Rcode;
import dev.protodec.dns.fast.ResourceRecord;
import dev.protodec.doh.grpc.v1.DnsResolverGrpc;
import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.doh.resolver.ResolverSupport;
import dev.protodec.doh.testing.Queries;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** The gRPC API over loopback: a real grpc-java client and server around the bundled zone. */
class GrpcApiTest {
  private DefaultResolver resolver;
  private GrpcServer server;
  private ManagedChannel channel;
  private DnsResolverGrpc.DnsResolverBlockingStub stub;

  @BeforeEach
  void start() throws Exception {
    resolver = new DefaultResolver(ResolverConfig.builder().build());
    server = new GrpcServer(new InetSocketAddress("127.0.0.1", 0), resolver).start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    stub = DnsResolverGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
    resolver.close();
  }

  private static DnsMessage query(int id, String name, int type) {
    DnsMessage query = DnsMessage.newInstance();
    query.mutableHeader().setId(id).setFlags(1 << 8); // RD
    query.addQuestions().setName(name).setQtype(type).setQclass(1);
    return query;
  }

  @Test
  void resolvesAStructuredQueryAndKeepsItsId() {
    DnsMessage answer = stub.resolve(query(4242, "www.example.test.", Type.A));

    assertEquals(4242, answer.getHeader().getId());
    assertEquals(Rcode.NOERROR, answer.getHeader().getRcode());
    assertEquals("www.example.test.", answer.getQuestions(0).getName());
    List<Integer> addresses = new ArrayList<>();
    for (int i = 0; i < answer.getAnswersCount(); i++) {
      ResourceRecord r = answer.getAnswers(i);
      assertEquals(Type.A, r.getType());
      addresses.add(r.getA());
    }
    addresses.sort(null);
    assertEquals(List.of(0xC000020A, 0xC000020B), addresses); // 192.0.2.10, 192.0.2.11
  }

  @Test
  void givesTheSameAnswerAsTheWirePath() throws Exception {
    DnsMessage viaGrpc = stub.resolve(query(7, "example.test.", Type.MX));
    byte[] wire = ResolverSupport.resolveBlocking(resolver, Queries.query("example.test.", Type.MX, 7),
        Duration.ofSeconds(5));
    DnsMessage viaWire = QueryMessages.fromWire(wire, wire.length);

    assertEquals(viaWire.getAnswersCount(), viaGrpc.getAnswersCount());
    assertEquals(2, viaGrpc.getAnswersCount());
    for (int i = 0; i < viaGrpc.getAnswersCount(); i++) {
      assertEquals(viaWire.getAnswers(i).getMx(), viaGrpc.getAnswers(i).getMx());
    }
  }

  @Test
  void anAbsentNameIsNxdomainWithTheZonesSoa() {
    DnsMessage answer = stub.resolve(query(1, "nope.example.test.", Type.A));

    assertEquals(Rcode.NXDOMAIN, answer.getHeader().getRcode());
    assertEquals(Type.SOA, answer.getAuthorities(0).getType());
    assertTrue(answer.getAuthorities(0).getTtl() <= 60, "negative TTL from the SOA minimum");
  }

  @Test
  void twoQuestionsAreAnsweredWithFormerr() {
    DnsMessage query = query(9, "www.example.test.", Type.A);
    query.addQuestions().setName("example.test.").setQtype(Type.A).setQclass(1);

    DnsMessage answer = stub.resolve(query);

    assertEquals(9, answer.getHeader().getId());
    assertEquals(Rcode.FORMERR, answer.getHeader().getRcode());
  }

  @Test
  void aNameThatIsNoDomainNameIsInvalidArgument() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.resolve(query(1, "a..b.", Type.A)));

    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("questions[0].name"), e.getStatus().getDescription());
  }
}
