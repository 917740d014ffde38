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
          .field("data", r.rdataToString())
          .endObject();
    }
    if (open) {
      json.endArray();
    }
  }
}
