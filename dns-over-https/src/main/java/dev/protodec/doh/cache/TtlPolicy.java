package dev.protodec.doh.cache;

import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * How long an upstream reply may be cached, from its records: positive answers for their smallest TTL
 * clamped to [min, max]; negative answers (NXDOMAIN, or NOERROR without answers) for min(SOA TTL, SOA
 * minimum) clamped to [min, max negative] (RFC 2308 section 5), not at all without an SOA; SERVFAIL and
 * other errors for the SERVFAIL TTL (0: not cached; RFC 2308 section 7 allows at most five minutes).
 */
public final class TtlPolicy {
  private final int minTtl;
  private final int maxTtl;
  private final int maxNegativeTtl;
  private final int servfailTtl;

  public TtlPolicy(int minTtl, int maxTtl, int maxNegativeTtl, int servfailTtl) {
    if (minTtl < 0 || maxTtl < minTtl || maxNegativeTtl < 0 || servfailTtl < 0) {
      throw new IllegalArgumentException("TTL limits must be non-negative and min <= max: " + minTtl + ", "
          + maxTtl + ", " + maxNegativeTtl + ", " + servfailTtl);
    }
    this.minTtl = minTtl;
    this.maxTtl = maxTtl;
    this.maxNegativeTtl = maxNegativeTtl;
    this.servfailTtl = servfailTtl;
  }

  /** Seconds {@code reply} may be cached; 0 if not at all. */
  public int entryTtl(Message reply) {
    int rcode = reply.getRcode();
    if (reply.getHeader().getFlag(org.xbill.DNS.Flags.TC)) {
      return 0;
    }
    if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
      return servfailTtl;
    }
    if (isNegative(reply)) {
      SOARecord soa = soa(reply);
      if (soa == null) {
        return 0;
      }
      long ttl = Math.min(soa.getTTL(), soa.getMinimum());
      return (int) Math.max(Math.min(minTtl, maxNegativeTtl), Math.min(ttl, maxNegativeTtl));
    }
    long smallest = Long.MAX_VALUE;
    for (int section = Section.ANSWER; section <= Section.ADDITIONAL; section++) {
      for (Record r : reply.getSection(section)) {
        if (r.getType() != Type.OPT) {
          smallest = Math.min(smallest, r.getTTL());
        }
      }
    }
    return clamp(smallest);
  }

  /** The TTL a record of {@code reply} is stored with: clamped; a negative answer's SOA gets the entry TTL. */
  public int recordTtl(Record record, boolean negative, int entryTtl) {
    if (negative && record.getType() == Type.SOA) {
      return entryTtl;
    }
    return clamp(record.getTTL());
  }

  /** NXDOMAIN, or NOERROR with an empty answer section (NODATA). */
  public static boolean isNegative(Message reply) {
    int rcode = reply.getRcode();
    return rcode == Rcode.NXDOMAIN || (rcode == Rcode.NOERROR && reply.getSection(Section.ANSWER).isEmpty());
  }

  private int clamp(long ttl) {
    return (int) Math.max(minTtl, Math.min(maxTtl, ttl));
  }

  private static SOARecord soa(Message reply) {
    List<Record> authority = reply.getSection(Section.AUTHORITY);
    for (Record r : authority) {
      if (r instanceof SOARecord) {
        return (SOARecord) r;
      }
    }
    return null;
  }
}
