package dev.protodec.doh.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class JsonAnswerTest {
  private static String v6(String address) throws Exception {
    return JsonAnswer.ipv6(InetAddress.getByName(address).getAddress());
  }

  @Test
  void ipv6AddressesAreWrittenInTheirShortForm() throws Exception {
    assertEquals("2001:db8::10", v6("2001:db8:0:0:0:0:0:10"));
    assertEquals("::1", v6("0:0:0:0:0:0:0:1"));
    assertEquals("::", v6("0:0:0:0:0:0:0:0"));
    assertEquals("fe80::", v6("fe80:0:0:0:0:0:0:0"));
    assertEquals("2001:db8:0:1:1:1:1:1", v6("2001:db8:0:1:1:1:1:1")); // one zero group stays
    assertEquals("2001:0:0:1::1", v6("2001:0:0:1:0:0:0:1")); // the longer run wins
    assertEquals("2001:db8::1:0:0:1", v6("2001:db8:0:0:1:0:0:1")); // equal runs: the first
    assertEquals("2606:4700:4700::1111", v6("2606:4700:4700:0:0:0:0:1111"));
  }
}
