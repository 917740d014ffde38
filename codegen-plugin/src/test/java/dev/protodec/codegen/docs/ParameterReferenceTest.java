package dev.protodec.codegen.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/plugin-parameters.md} is what the plugin descriptor gives, so it cannot drift from the
 * Mojos' Javadoc. With {@code -Dprotodec.updateDocs=true} it rewrites the file instead (see
 * {@link ParameterReference#UPDATE_COMMAND}).
 */
class ParameterReferenceTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  private static final Path DESCRIPTOR = MODULE.resolve("target/plugin-enhanced.xml");
  private static final Path CHECKED_IN = MODULE.resolve("../docs/plugin-parameters.md").normalize();

  @Test
  void checkedInReferenceIsWhatTheDescriptorGives() throws IOException {
    String generated = ParameterReference.render(ParameterReference.read(DESCRIPTOR),
        "codegen-plugin/target/plugin-enhanced.xml");
    Files.writeString(MODULE.resolve("target/plugin-parameters.md"), generated, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("protodec.updateDocs")) {
      Files.writeString(CHECKED_IN, generated, StandardCharsets.UTF_8);
      return;
    }
    String checkedIn = Files.isRegularFile(CHECKED_IN) ? Files.readString(CHECKED_IN, StandardCharsets.UTF_8) : "";
    assertEquals(generated, checkedIn, "docs/plugin-parameters.md is not what the plugin descriptor gives"
        + " (codegen-plugin/target/plugin-parameters.md is). Update it with: " + ParameterReference.UPDATE_COMMAND);
  }

  @Test
  void everyUserParameterHasPropertyDefaultAndXmlExample() throws IOException {
    for (ParameterReference.Goal goal : ParameterReference.read(DESCRIPTOR)) {
      if (goal.name().equals("help")) {
        continue;
      }
      assertTrue(goal.parameters().size() >= 12, goal.name() + ": " + goal.parameters());
      for (ParameterReference.Parameter p : goal.parameters()) {
        String where = goal.name() + " " + p.name();
        assertTrue(!p.property().isEmpty(), where + " has no property");
        assertTrue(!p.defaultText().isEmpty(), where + " has no default");
        assertTrue(p.examples().stream().anyMatch(e -> e.startsWith("<" + p.name() + ">")),
            where + " has no XML example: " + p.examples());
        assertTrue(!p.description().isEmpty(), where + " has no description");
      }
    }
  }

  @Test
  void javadocHtmlBecomesMarkdown() {
    assertEquals("A `from=to` pair, protobuf-java's.\n\nSecond paragraph.",
        ParameterReference.markdown("A <code>from=to</code> pair,\n protobuf-java&apos;s. \n<p>Second paragraph.</p>"));
  }
}
