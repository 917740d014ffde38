package dev.protodec.doh.json;

import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A JSON API request's parameters as a DNS wire query: {@code name} (required), {@code type} (a
 * mnemonic such as {@code AAAA} or a number, default {@code A}), {@code cd} and {@code do} ({@code
 * 1}/{@code true} set the CD flag and the EDNS DO bit). Recursion desired is always set.
 */
public final class JsonQuery {

  /** The UDP payload size advertised when {@code do} adds an OPT record. */
  private static final int EDNS_PAYLOAD = 1232;

  private JsonQuery() {}

  /** Parameters as a query string decoder gives them (name → values); the first value of each counts. */
  public static byte[] toWire(Map<String, List<String>> parameters) throws JsonRequestException {
    Name name = name(first(parameters, "name"));
    int type = type(first(parameters, "type"));
    Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    if (flag(parameters, "cd")) {
      query.getHeader().setFlag(Flags.CD);
    }
    if (flag(parameters, "do")) {
      query.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
    }
    return query.toWire();
  }

  private static Name name(String text) throws JsonRequestException {
    if (text == null || text.isEmpty()) {
      throw new JsonRequestException("missing name parameter");
    }
    try {
      return Name.fromString(text, Name.root);
    } catch (TextParseException e) {
      throw new JsonRequestException("bad name '" + text + "': " + e.getMessage());
    }
  }

  private static int type(String text) throws JsonRequestException {
    if (text == null || text.isEmpty()) {
      return Type.A;
    }
    int type = Type.value(text, true);
    if (type < 0 || type > 0xFFFF) {
      throw new JsonRequestException("unknown type '" + text + "'");
    }
    return type;
  }

  private static boolean flag(Map<String, List<String>> parameters, String key) {
    String value = first(parameters, key);
    return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
  }

  private static String first(Map<String, List<String>> parameters, String key) {
    List<String> values = parameters.get(key);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
