package dev.protodec.doh.decode;

import java.io.IOException;

/**
 * A cache entry that decodes as protobuf but is not an answer the resolver would have stored: a
 * record whose RDATA does not fit its type, an OPT record among the records, or a name or string that
 * DNS cannot carry. The resolver answers SERVFAIL (and a shared cache drops the entry); it never sends
 * such an entry to a client as wire.
 */
public final class CorruptEntryException extends IOException {
  private static final long serialVersionUID = 1L;

  CorruptEntryException(String message) {
    super(message);
  }

  CorruptEntryException(String message, Throwable cause) {
    super(message, cause);
  }
}
