package dev.protodec.doh.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.protodec.doh.query.ParsedQuery;
import dev.protodec.doh.query.QueryParser;
import dev.protodec.doh.resolver.MalformedQueryException;
import java.util.Objects;

/**
 * Any bytes given to the query parser either parse or fail with {@link MalformedQueryException} and a
 * reason: no other exception, no hang. {@code mvn verify} replays the committed inputs (and findings);
 * {@code JAZZER_FUZZ=1 mvn -pl dns-over-https test -Dtest=QueryParserFuzzTest} fuzzes.
 */
class QueryParserFuzzTest {
  private final QueryParser parser = new QueryParser();
  private final ParsedQuery query = new ParsedQuery();

  @FuzzTest(maxDuration = "30s")
  void parsesOrNamesAReason(byte[] input) {
    try {
      parser.parse(input, 0, input.length, query);
      if (query.questionCount() < 0 || query.nameBytes() == null) {
        throw new AssertionError("parsed, but no question state");
      }
    } catch (MalformedQueryException e) {
      Objects.requireNonNull(e.reason(), "a malformed query names its reason");
    }
  }
}
