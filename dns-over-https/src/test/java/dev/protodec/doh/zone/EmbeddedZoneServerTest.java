package dev.protodec.doh.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.doh.testing.Queries;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class EmbeddedZoneServerTest {
  @Test
  void answersOverUdpAndTcpAuthoritatively() throws Exception {
    try (EmbeddedZoneServer zone = EmbeddedZoneServer.bundled().start()) {
      SimpleResolver client = new SimpleResolver(zone.address());
      Message udp = client.send(Queries.message("www.example.test.", Type.A, 1, false, false, false));
      assertEquals(2, udp.getSection(Section.ANSWER).size());
      assertTrue(udp.getHeader().getFlag(org.xbill.DNS.Flags.AA));
      client.setTCP(true);
      Message tcp = client.send(Queries.message("example.test.", Type.MX, 2, false, false, false));
      assertEquals(2, tcp.getSection(Section.ANSWER).size());
      assertEquals(1, zone.udpQueries());
      assertEquals(1, zone.tcpQueries());
      Message nx = client.send(Queries.message("absent.example.test.", Type.A, 3, false, false, false));
      assertEquals(Rcode.NXDOMAIN, nx.getRcode());
      Message outside = client.send(Queries.message("example.com.", Type.A, 4, false, false, false));
      assertEquals(Rcode.REFUSED, outside.getRcode());
    }
  }

  @Test
  void aLargeRrsetIsTruncatedOverUdpAndTheResolverRetriesOverTcp() throws Exception {
    try (DefaultResolver resolver = new DefaultResolver(ResolverConfig.builder()
        .healthProbeInterval(Duration.ZERO).build())) {
      EmbeddedZoneServer zone = resolver.embeddedZone().orElseThrow();
      Message m = Queries.askAndParse(resolver, Queries.ednsQuery("big.example.test.", Type.TXT, 5, false, false));
      assertEquals(20, m.getSection(Section.ANSWER).size());
      assertEquals(5, m.getHeader().getID());
      assertTrue(m.toWire().length > 1232);
      assertEquals(1, zone.udpQueries());
      assertEquals(1, zone.tcpQueries());
    }
  }
}
