package dev.protodec.doh.decode;

import dev.protodec.doh.answer.AnswerWriter;
import dev.protodec.doh.query.ParsedQuery;
import java.io.IOException;

/**
 * Stage 6 on a hit, write the answer: decodes one cached payload and writes the answer to a query
 * through an {@link AnswerWriter}: header, question, records with decayed TTLs and, if the query has
 * EDNS, the OPT record with the Extended DNS Error options of the cached answer. It leaves the OPT
 * record open; the caller adds its own options and calls {@link AnswerWriter#finish}.
 *
 * <p>Implementations are thread-safe; per-thread reusable state (a message to parse into) is their own
 * business. One implementation per {@link dev.protodec.doh.resolver.DecoderMode}.
 */
public interface CachedAnswerDecoder {
  /** The Extended DNS Error option code (RFC 8914), kept from cached answers. */
  int OPTION_EDE = 15;

  /** A short name for metrics labels: {@code generated}, {@code reflective}, {@code wire}. */
  String name();

  /**
   * Writes the answer for {@code query} from {@code payload}.
   *
   * @param udpPayloadSize the size advertised in the answer's OPT record
   * @param elapsedSeconds time the answer has spent in the cache, subtracted from its TTLs
   * @param ttlOverride if above 0, every TTL written instead (a stale answer)
   * @throws IOException if the payload does not decode
   */
  void write(byte[] payload, ParsedQuery query, int udpPayloadSize, int elapsedSeconds, int ttlOverride,
      AnswerWriter out) throws IOException;
}
