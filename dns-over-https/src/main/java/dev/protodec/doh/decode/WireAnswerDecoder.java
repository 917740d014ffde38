package dev.protodec.doh.decode;

import dev.protodec.doh.answer.AnswerWriter;
import dev.protodec.doh.query.ParsedQuery;
import java.io.IOException;

/**
 * No decoding: the cached payload is the wire answer (see {@link WireEntry}), copied into the writer's
 * buffer and patched in place, as dnsdist's packet cache does: the client's ID, RD and CD bits and
 * question letter case, each TTL decayed at its recorded offset, then the OPT record appended if the
 * query has EDNS. The ceiling the two decoders are measured against.
 */
public final class WireAnswerDecoder implements CachedAnswerDecoder {
  @Override
  public String name() {
    return "wire";
  }

  @Override
  public void write(byte[] payload, ParsedQuery query, int udpPayloadSize, int elapsedSeconds, int ttlOverride,
      AnswerWriter out) throws IOException {
    int ttls = WireEntry.ttlCount(payload);
    int wireStart = WireEntry.wireStart(payload);
    if (wireStart > payload.length) {
      throw new IOException("a wire cache entry shorter than its own index");
    }
    out.copyWire(payload, wireStart, payload.length - wireStart, elapsedSeconds, ttlOverride);
    out.patchHeader(query);
    out.patchQuestionName(query);
    for (int i = 0; i < ttls; i++) {
      out.patchTtl(WireEntry.ttlOffset(payload, i));
    }
    if (query.hasEdns()) {
      out.beginEdns(udpPayloadSize, WireEntry.extendedRcode(payload), query.dnssecOk());
      out.bytes(payload, WireEntry.optionsStart(payload), WireEntry.optionsLength(payload));
    }
  }
}
