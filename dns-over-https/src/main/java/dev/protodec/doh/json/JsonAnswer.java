package dev.protodec.doh.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A DNS wire answer in the JSON API's shape (Google's and Cloudflare's): {@code Status} (the rcode),
 * {@code TC}, {@code RD}, {@code RA}, {@code AD}, {@code CD}, {@code Question[{name,type}]}, and
 * {@code Answer}, {@code Authority}, {@code Additional} as {@code [{name,type,TTL,data}]} (sections
 * left out when empty; the OPT pseudo-record never listed).
 */
public final class JsonAnswer {

  private JsonAnswer() {}

  /** The JSON of {@code answer[0, length)}, UTF-8. */
  public static byte[] render(byte[] answer, int length) throws IOException {
    Message message = new Message(length == answer.length ? answer : Arrays.copyOf(answer, length));
    Header header = message.getHeader();
    JsonText json = new JsonText().beginObject();
    json.field("Status", message.getRcode())
        .field("TC", header.getFlag(Flags.TC))
        .field("RD", header.getFlag(Flags.RD))
        .field("RA", header.getFlag(Flags.RA))
        .field("AD", header.getFlag(Flags.AD))
        .field("CD", header.getFlag(Flags.CD));
    json.beginArray("Question");
    for (Record question : message.getSection(Section.QUESTION)) {
      json.beginObject()
          .field("name", question.getName().toString())
          .field("type", question.getType())
          .endObject();
    }
    json.endArray();
    records(json, "Answer", message.getSection(Section.ANSWER));
    records(json, "Authority", message.getSection(Section.AUTHORITY));
    records(json, "Additional", message.getSection(Section.ADDITIONAL));
    return json.endObject().toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The body of a 400: {@code {"error":"..."}}. */
  public static byte[] error(String message) {
    return new JsonText().beginObject().field("error", message).endObject().toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void records(JsonText json, String section, List<Record> records) {
    boolean open = false;
    for (Record r : records) {
      if (r.getType() == Type.OPT) {
        continue;
      }
      if (!open) {
        json.beginArray(section);
        open = true;
      }
      json.beginObject()
          .field("name", r.getName().toString())
          .field("type", r.getType())
          .field("TTL", r.getTTL())
          .field("data", data(r))
          .endObject();
    }
    if (open) {
      json.endArray();
    }
  }

  /** dnsjava's presentation of the RDATA, with IPv6 addresses in their short form (RFC 5952), as Google and Cloudflare write them. */
  static String data(org.xbill.DNS.Record r) {
    if (r instanceof org.xbill.DNS.AAAARecord aaaa) {
      return ipv6(aaaa.getAddress().getAddress());
    }
    return r.rdataToString();
  }

  /** RFC 5952 section 4: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
  static String ipv6(byte[] address) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (address[2 * i] & 0xff) << 8 | (address[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
