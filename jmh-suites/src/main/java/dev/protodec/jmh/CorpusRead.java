package dev.protodec.jmh;

import dev.protodec.dns.corpus.FieldSink;
import java.io.IOException;

/**
 * One contender's read of the corpus message at {@code index}: the same call its benchmark method makes,
 * so that the cross-check judges exactly what is timed.
 */
@FunctionalInterface
public interface CorpusRead {
  void read(int index, FieldSink sink) throws IOException;
}
