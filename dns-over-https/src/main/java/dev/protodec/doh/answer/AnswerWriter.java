package dev.protodec.doh.answer;

import dev.protodec.doh.query.ParsedQuery;
import java.util.Arrays;

/**
 * Writes a DNS wire answer (RFC 1035 section 4.1) into a reused buffer, with name compression (section
 * 4.1.4): the header with the client's ID, the client's question as sent, records through typed calls,
 * and an OPT record (RFC 6891) padded to a block size when asked (RFC 8467). Every cache decoder writes
 * through this class, so the answers of the decoder modes differ only if their decoding does.
 *
 * <p>Names arrive in presentation form ({@code www.example.com.}, with {@code \.} and {@code \DDD}
 * escapes) either as UTF-8 bytes ({@link #name(byte[], int)}) or as a {@link CharSequence} ({@link
 * #name(CharSequence)}, copied char by char): neither allocates. TTLs are written decayed: the value
 * given minus {@link #begin}'s {@code elapsedSeconds}, or {@code ttlOverride} for stale answers.
 *
 * <p>Not thread-safe: one per thread, reused for every answer. Call order: {@link #begin}, then for each
 * record {@link #record} followed by its RDATA calls and {@link #endRecord()}, in section order, then
 * optionally {@link #beginEdns} with {@link #ednsOption} calls, then {@link #finish}.
 */
public final class AnswerWriter {
  /** Section numbers for {@link #record}. */
  public static final int ANSWER = 1;
  public static final int AUTHORITY = 2;
  public static final int ADDITIONAL = 3;

  /** RFC 8467 section 4.1: the recommended block length for responses. */
  public static final int PADDING_BLOCK = 468;

  private static final int MAX_MESSAGE = 65_535;
  private static final int MAX_POINTERS = 128;
  private static final int MAX_SEEN = 32;
  private static final int OPTION_PADDING = 12;
  /** Header flags an answer keeps from the cached one: AA, TC, RA, AD. */
  private static final int CACHED_FLAGS = 0x0400 | 0x0200 | 0x0080 | 0x0020;
  /** RA: we offer recursion, whatever the upstream (an authoritative server) said. */
  private static final int RA = 0x0080;

  private byte[] buf = new byte[4096];
  private int pos;
  private final int[] counts = new int[4];
  private final int[] pointers = new int[MAX_POINTERS];
  private int pointerCount;
  /** A {@link CharSequence} name's UTF-8 bytes (byte names are encoded from where they lie). */
  private final byte[] text = new byte[1024];
  private final int[] labelStarts = new int[128];
  /**
   * The names written since {@link #begin}, as given (presentation bytes), each with the offset a later
   * copy of it points to: a name given again byte for byte (a record set's owner, a CNAME's target as
   * the next owner) becomes that pointer without being encoded and compared label by label again. The
   * pointer is the one {@link #compress} would find, so the answer's bytes are the same either way.
   */
  private final byte[] seenText = new byte[4096];
  private final int[] seenStart = new int[MAX_SEEN];
  private final int[] seenLength = new int[MAX_SEEN];
  private final int[] seenTarget = new int[MAX_SEEN];
  private int seenCount;
  private int seenUsed;
  /** Whether the question's name is at offset 12. */
  private boolean question;
  private int[] ttlOffsets = new int[64];
  private int ttlCount;
  private int elapsed;
  private int ttlOverride;
  private int minTtl;
  private int rdataStart;
  private int optStart = -1;
  private int optRdataStart;

  /** The buffer holding the answer, {@code [0, length())}; valid until the next {@link #begin}. */
  public byte[] buffer() {
    return buf;
  }

  public int length() {
    return pos;
  }

  /** The smallest TTL written (after decay), or -1 if no record was written. */
  public int minTtl() {
    return minTtl;
  }

  /** How many records carry a TTL written by {@link #record} (the OPT record not counted). */
  public int ttlCount() {
    return ttlCount;
  }

  /** Where the {@code i}th TTL written lies in the buffer. */
  public int ttlOffset(int i) {
    return ttlOffsets[i];
  }

  /**
   * Starts an answer to {@code query}: the header (the query's ID, RD and CD; {@code cachedFlags}' AA, TC
   * and AD; QR and RA set; {@code opcode}; the low four bits of {@code rcode}) and, if {@code withQuestion}, the
   * query's question as the client sent it.
   *
   * @param elapsedSeconds subtracted from every TTL written, floored at 0
   * @param ttlOverride if above 0, written as every TTL instead (serve-stale)
   */
  public void begin(ParsedQuery query, int cachedFlags, int opcode, int rcode, boolean withQuestion,
      int elapsedSeconds, int ttlOverride) {
    this.elapsed = elapsedSeconds;
    this.ttlOverride = ttlOverride;
    this.minTtl = -1;
    this.ttlCount = 0;
    this.pointerCount = 0;
    this.seenCount = 0;
    this.seenUsed = 0;
    this.question = withQuestion;
    this.optStart = -1;
    Arrays.fill(counts, 0);
    int flags = 0x8000 | RA | (opcode & 0xf) << 11 | (cachedFlags & CACHED_FLAGS)
        | (query.flags() & (ParsedQuery.FLAG_RD | ParsedQuery.FLAG_CD)) | (rcode & 0xf);
    pos = 0;
    u16(query.id());
    u16(flags);
    pos = 12;
    if (withQuestion) {
      counts[0] = 1;
      int start = pos;
      int n = query.nameLength();
      ensure(n + 4);
      System.arraycopy(query.bytes(), query.nameStart(), buf, pos, n);
      for (int p = start; buf[p] != 0 && pointerCount < MAX_POINTERS; p += 1 + buf[p]) {
        pointers[pointerCount++] = p;
      }
      pos += n;
      u16(query.qtype());
      u16(query.qclass());
    }
  }

  /** Starts a record in {@code section}: owner name given as UTF-8 presentation bytes. */
  public void record(int section, byte[] name, int nameOffset, int nameLength, int type, int rclass, int ttl) {
    sectionCheck(section);
    name(name, nameOffset, nameLength);
    recordFixed(section, type, rclass, ttl);
  }

  /** Starts a record in {@code section}: owner name given as a presentation string. */
  public void record(int section, CharSequence name, int type, int rclass, int ttl) {
    sectionCheck(section);
    name(name);
    recordFixed(section, type, rclass, ttl);
  }

  private void sectionCheck(int section) {
    if (optStart >= 0 || section < ANSWER || section > ADDITIONAL) {
      throw new IllegalStateException("records go in sections 1 to 3, before the OPT record");
    }
  }

  private void recordFixed(int section, int type, int rclass, int ttl) {
    ensure(10);
    u16(type);
    u16(rclass);
    int written = ttlOverride > 0 ? ttlOverride : Math.max(0, ttl - elapsed);
    if (ttl < 0) {
      written = ttlOverride > 0 ? ttlOverride : 0; // TTLs above 2^31 - 1 are read as 0 (RFC 2181 section 8)
    }
    if (ttlCount == ttlOffsets.length) {
      ttlOffsets = Arrays.copyOf(ttlOffsets, ttlCount * 2);
    }
    ttlOffsets[ttlCount++] = pos;
    u32(written);
    if (minTtl < 0 || written < minTtl) {
      minTtl = written;
    }
    counts[section]++;
    rdataStart = pos;
    pos += 2;
  }

  /** Ends the record started last: fills in its RDATA length. */
  public void endRecord() {
    int len = pos - rdataStart - 2;
    buf[rdataStart] = (byte) (len >> 8);
    buf[rdataStart + 1] = (byte) len;
  }

  /** RDATA: a 16-bit number (MX preference, ...). */
  public void u16(int v) {
    ensure(2);
    buf[pos++] = (byte) (v >> 8);
    buf[pos++] = (byte) v;
  }

  /** RDATA: a 32-bit number (an IPv4 address, SOA serial and timers). */
  public void u32(int v) {
    ensure(4);
    buf[pos++] = (byte) (v >> 24);
    buf[pos++] = (byte) (v >> 16);
    buf[pos++] = (byte) (v >> 8);
    buf[pos++] = (byte) v;
  }

  /** RDATA: bytes as they are (an IPv6 address, RDATA of other types). */
  public void bytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, pos, len);
    pos += len;
  }

  /** RDATA: one character-string (RFC 1035 section 3.3): a length byte, then up to 255 bytes. */
  public void characterString(byte[] b, int off, int len) {
    if (len > 255) {
      throw new UnwritableRecordException("a character-string of " + len + " bytes (at most 255)");
    }
    int n = len;
    ensure(n + 1);
    buf[pos++] = (byte) n;
    System.arraycopy(b, off, buf, pos, n);
    pos += n;
  }

  /** A compressed domain name from UTF-8 presentation bytes {@code utf8[0, length)}. */
  public void name(byte[] utf8, int offset, int length) {
    if (length > text.length) {
      throw new UnwritableRecordException("a name of " + length + " bytes");
    }
    encodeName(utf8, offset, length);
  }

  /** A compressed domain name from a presentation string, copied char by char (no allocation). */
  public void name(CharSequence name) {
    int n = 0;
    int len = name.length();
    for (int i = 0; i < len; i++) {
      if (n >= text.length - 3) {
        throw new UnwritableRecordException("a name of more than " + n + " bytes");
      }
      char c = name.charAt(i);
      if (c < 0x80) {
        text[n++] = (byte) c;
      } else if (c < 0x800) {
        text[n++] = (byte) (0xc0 | c >> 6);
        text[n++] = (byte) (0x80 | (c & 0x3f));
      } else {
        text[n++] = (byte) (0xe0 | c >> 12);
        text[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        text[n++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    encodeName(text, 0, n);
  }

  /** Presentation form in {@code src[off, off + n)} to wire labels at {@code pos}, then compression. */
  private void encodeName(byte[] src, int off, int n) {
    ensure(n + 2);
    int seen = seen(src, off, n);
    if (seen >= 0) {
      pointer(pos, seenTarget[seen]);
      pos += 2;
      return;
    }
    if (question && isQuestion(src, off, n)) { // most answers' first owner name
      pointer(pos, 12);
      pos += 2;
      see(src, off, n, 12);
      return;
    }
    int start = pos;
    int labels = 0;
    int i = off;
    int end = off + n;
    if (n == 1 && src[off] == '.') {
      i = end;
    }
    while (i < end) {
      if (labels == labelStarts.length) {
        throw new UnwritableRecordException("a name of more than " + labels + " labels");
      }
      int lenAt = pos++;
      labelStarts[labels++] = lenAt;
      int labelLen = 0;
      while (i < end && src[i] != '.') {
        byte c = src[i++];
        if (c == '\\' && i < end) {
          if (i + 2 < end && isDigit(src[i]) && isDigit(src[i + 1]) && isDigit(src[i + 2])) {
            c = (byte) ((src[i] - '0') * 100 + (src[i + 1] - '0') * 10 + (src[i + 2] - '0'));
            i += 3;
          } else {
            c = src[i++];
          }
        }
        buf[pos++] = c;
        labelLen++;
      }
      if (labelLen == 0 || labelLen > 63) {
        throw new UnwritableRecordException("a label of " + labelLen + " bytes (1 to 63)");
      }
      buf[lenAt] = (byte) labelLen;
      i++; // the dot
    }
    buf[pos++] = 0;
    if (pos - start > 255) {
      throw new UnwritableRecordException("a name of " + (pos - start) + " bytes on the wire (at most 255)");
    }
    compress(start, labels);
    if (labels > 0) {
      see(src, off, n, (buf[start] & 0xc0) == 0xc0 ? (buf[start] & 0x3f) << 8 | (buf[start + 1] & 0xff) : start);
    }
  }

  /**
   * Whether {@code src[off, off + n)} is, ignoring ASCII case, the question's name at offset 12: what
   * {@link #compress} would find first. Names with escapes are left to the general path.
   */
  private boolean isQuestion(byte[] src, int off, int n) {
    int p = 12;
    int i = 0;
    while (true) {
      int len = buf[p] & 0xff;
      if (len == 0) {
        return i == n && i > 0; // the root stays one byte, not a pointer
      }
      if (i + len > n) {
        return false;
      }
      for (int k = 0; k < len; k++) {
        byte c = src[off + i + k];
        if (c == '\\' || c == '.' || lower(c) != lower(buf[p + 1 + k])) {
          return false;
        }
      }
      i += len;
      p += len + 1;
      if (i < n) {
        if (src[off + i] != '.') {
          return false;
        }
        i++;
      }
    }
  }

  /** The entry of {@code seenText} that equals {@code src[off, off + n)}, or -1. */
  private int seen(byte[] src, int off, int n) {
    for (int i = 0; i < seenCount; i++) {
      int s = seenStart[i];
      if (seenLength[i] == n && Arrays.equals(src, off, off + n, seenText, s, s + n)) {
        return i;
      }
    }
    return -1;
  }

  /** Remembers {@code src[off, off + n)} as a name a later copy may point to at {@code target}. */
  private void see(byte[] src, int off, int n, int target) {
    if (seenCount == MAX_SEEN || seenUsed + n > seenText.length || target >= 0x4000) {
      return;
    }
    System.arraycopy(src, off, seenText, seenUsed, n);
    seenStart[seenCount] = seenUsed;
    seenLength[seenCount] = n;
    seenTarget[seenCount++] = target;
    seenUsed += n;
  }

  private void pointer(int at, int target) {
    buf[at] = (byte) (0xc0 | target >> 8);
    buf[at + 1] = (byte) target;
  }

  /** Replaces the longest suffix of the name just written that was written before by a pointer. */
  private void compress(int start, int labels) {
    for (int l = 0; l < labels; l++) {
      int suffix = labelStarts[l];
      for (int j = 0; j < pointerCount; j++) {
        int target = pointers[j];
        if (target < start && sameName(suffix, target)) {
          pointer(suffix, target);
          pos = suffix + 2;
          remember(labels, l);
          return;
        }
      }
    }
    remember(labels, labels);
  }

  private void remember(int labels, int upTo) {
    for (int l = 0; l < upTo && pointerCount < MAX_POINTERS; l++) {
      if (labelStarts[l] < 0x4000) {
        pointers[pointerCount++] = labelStarts[l];
      }
    }
  }

  /** Whether the uncompressed labels at {@code a} equal, ignoring ASCII case, the name at {@code b}. */
  private boolean sameName(int a, int b) {
    while (true) {
      int lb = buf[b] & 0xff;
      while ((lb & 0xc0) == 0xc0) {
        b = (lb & 0x3f) << 8 | (buf[b + 1] & 0xff);
        lb = buf[b] & 0xff;
      }
      int la = buf[a] & 0xff;
      if (la != lb) {
        return false;
      }
      if (la == 0) {
        return true;
      }
      for (int k = 1; k <= la; k++) {
        if (lower(buf[a + k]) != lower(buf[b + k])) {
          return false;
        }
      }
      a += la + 1;
      b += lb + 1;
    }
  }

  /**
   * Starts the OPT record (RFC 6891 section 6.1.2), last in the additional section.
   *
   * @param extendedRcode the upper eight bits of the 12-bit rcode
   */
  public void beginEdns(int udpPayloadSize, int extendedRcode, boolean dnssecOk) {
    ensure(11);
    optStart = pos;
    buf[pos++] = 0;
    u16(41);
    u16(udpPayloadSize);
    buf[pos++] = (byte) extendedRcode;
    buf[pos++] = 0;
    u16(dnssecOk ? 0x8000 : 0);
    optRdataStart = pos;
    pos += 2;
    counts[ADDITIONAL]++;
  }

  /** An option in the OPT record begun last. */
  public void ednsOption(int code, byte[] data, int off, int len) {
    ensure(4 + len);
    u16(code);
    u16(len);
    System.arraycopy(data, off, buf, pos, len);
    pos += len;
  }

  /**
   * Ends the message: fills in the section counts and the OPT record's length; with {@code pad} and an
   * OPT record, adds a padding option that makes the length a multiple of {@link #PADDING_BLOCK}.
   */
  public void finish(boolean pad) {
    if (optStart >= 0) {
      if (pad) {
        int padding = (PADDING_BLOCK - (pos + 4) % PADDING_BLOCK) % PADDING_BLOCK;
        if (pos + 4 + padding <= MAX_MESSAGE) {
          ensure(4 + padding);
          u16(OPTION_PADDING);
          u16(padding);
          Arrays.fill(buf, pos, pos + padding, (byte) 0);
          pos += padding;
        }
      }
      int len = pos - optRdataStart - 2;
      buf[optRdataStart] = (byte) (len >> 8);
      buf[optRdataStart + 1] = (byte) len;
    }
    for (int s = 0; s < 4; s++) {
      buf[4 + 2 * s] = (byte) (counts[s] >> 8);
      buf[5 + 2 * s] = (byte) counts[s];
    }
  }

  /**
   * Replaces the answer with {@code len} bytes of already written wire, for decoders that keep answers
   * as wire: section counts are taken from the bytes, so records may not be added; an OPT record may.
   */
  public void copyWire(byte[] wire, int off, int len, int elapsedSeconds, int ttlOverride) {
    this.elapsed = elapsedSeconds;
    this.ttlOverride = ttlOverride;
    this.minTtl = -1;
    this.ttlCount = 0;
    this.pointerCount = 0;
    this.seenCount = 0;
    this.seenUsed = 0;
    this.question = false;
    this.optStart = -1;
    pos = 0;
    ensure(len);
    System.arraycopy(wire, off, buf, 0, len);
    pos = len;
    for (int s = 0; s < 4; s++) {
      counts[s] = (buf[4 + 2 * s] & 0xff) << 8 | (buf[5 + 2 * s] & 0xff);
    }
  }

  /** Decays the TTL at {@code offset} (of a buffer filled by {@link #copyWire}) as {@link #record} would. */
  public void patchTtl(int offset) {
    int ttl = (buf[offset] & 0xff) << 24 | (buf[offset + 1] & 0xff) << 16 | (buf[offset + 2] & 0xff) << 8
        | (buf[offset + 3] & 0xff);
    int written = ttlOverride > 0 ? ttlOverride : ttl < 0 ? 0 : Math.max(0, ttl - elapsed);
    buf[offset] = (byte) (written >> 24);
    buf[offset + 1] = (byte) (written >> 16);
    buf[offset + 2] = (byte) (written >> 8);
    buf[offset + 3] = (byte) written;
    if (minTtl < 0 || written < minTtl) {
      minTtl = written;
    }
  }

  /** Writes the query's ID, RD and CD into a buffer filled by {@link #copyWire}. */
  public void patchHeader(ParsedQuery query) {
    buf[0] = (byte) (query.id() >> 8);
    buf[1] = (byte) query.id();
    int flags = (buf[2] & 0xff) << 8 | (buf[3] & 0xff);
    int mask = ParsedQuery.FLAG_RD | ParsedQuery.FLAG_CD;
    flags = (flags & ~mask) | (query.flags() & mask);
    buf[2] = (byte) (flags >> 8);
    buf[3] = (byte) flags;
  }

  /** Copies the query's question name (the client's letter case) over the one at offset 12. */
  public void patchQuestionName(ParsedQuery query) {
    System.arraycopy(query.bytes(), query.nameStart(), buf, 12, query.nameLength());
  }

  private void ensure(int more) {
    if (pos + more > buf.length) {
      if (pos + more > MAX_MESSAGE) {
        throw new UnwritableRecordException("an answer of more than 65,535 bytes");
      }
      buf = Arrays.copyOf(buf, Math.min(MAX_MESSAGE, Math.max(buf.length * 2, pos + more)));
    }
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static int lower(byte b) {
    return b >= 'A' && b <= 'Z' ? b + 32 : b;
  }
}
