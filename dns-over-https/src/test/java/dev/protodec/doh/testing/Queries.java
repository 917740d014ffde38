package dev.protodec.doh.testing;

import dev.protodec.doh.resolver.Resolver;
import dev.protodec.doh.resolver.ResolverSupport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Wire queries built with dnsjava, and answers parsed back with it. */
public final class Queries {
  private Queries() {}

  public static byte[] query(String name, int type, int id) {
    return message(name, type, id, false, false, false).toWire();
  }

  public static byte[] ednsQuery(String name, int type, int id, boolean dnssecOk, boolean padding) {
    return message(name, type, id, true, dnssecOk, padding).toWire();
  }

  public static Message message(String name, int type, int id, boolean edns, boolean dnssecOk, boolean padding) {
    try {
      Message m = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
      m.getHeader().setID(id);
      if (edns) {
        List<EDNSOption> options = padding ? List.of(new GenericEDNSOption(12, new byte[0])) : List.of();
        m.addRecord(new OPTRecord(1232, 0, 0, dnssecOk ? ExtendedFlags.DO : 0, options), Section.ADDITIONAL);
      }
      return m;
    } catch (IOException e) {
      throw new IllegalArgumentException(name, e);
    }
  }

  public static ResolverSupport.Answer ask(Resolver resolver, byte[] query) {
    try {
      return ResolverSupport.resolveAnswer(resolver, query, Duration.ofSeconds(10));
    } catch (Exception e) {
      throw new AssertionError("no answer", e);
    }
  }

  public static Message parse(byte[] wire) {
    try {
      return new Message(wire);
    } catch (IOException e) {
      throw new AssertionError("the answer does not parse", e);
    }
  }

  public static Message askAndParse(Resolver resolver, byte[] query) {
    return parse(ask(resolver, query).wire());
  }
}
