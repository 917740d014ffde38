package dev.protodec.doh.upstream;

import org.xbill.DNS.Message;
import org.xbill.DNS.Record;

/**
 * RFC 5452 section 9.1: a reply is accepted only if its ID and its question (name, type, class) match
 * the query's. dnsjava's {@code SimpleResolver} checks this too; checking here makes the rule ours,
 * independent of how the reply came back.
 */
final class ReplyValidator {
  private ReplyValidator() {}

  static void check(Message query, Message reply) throws UpstreamException {
    int expected = query.getHeader().getID();
    int actual = reply.getHeader().getID();
    if (expected != actual) {
      throw UpstreamException.mismatchedId(expected, actual);
    }
    Record q = query.getQuestion();
    Record r = reply.getQuestion();
    if (r == null || !q.getName().equals(r.getName()) || q.getType() != r.getType()
        || q.getDClass() != r.getDClass()) {
      throw UpstreamException.mismatchedQuestion(q, r);
    }
  }
}
