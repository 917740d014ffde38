package dev.protodec.codegen.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Writes {@code docs/plugin-parameters.md} from the plugin descriptor, so the reference says what the
 * Mojos' Javadoc says and nothing else.
 *
 * <p>It reads {@code target/plugin-enhanced.xml}, the descriptor maven-plugin-plugin writes for
 * documentation (the one maven-plugin-report-plugin reads): {@code META-INF/maven/plugin.xml} with the
 * descriptions still in HTML, so each {@code <pre>} example stays a block. Every user parameter of
 * {@code generate} and {@code generate-test} must have an example and a "Default:" paragraph; a
 * parameter without one fails the build rather than going out undocumented.
 */
final class ParameterReference {
  static final String UPDATE_COMMAND = "mvn -B -pl codegen-plugin -am test -Dtest=ParameterReferenceTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dprotodec.updateDocs=true";

  private static final Pattern PRE = Pattern.compile("(?s)<pre>(.*?)</pre>");
  private static final Pattern DEFAULT = Pattern.compile("(?s)<p>\\s*Default:\\s*(.*?)\\.?\\s*</p>");
  private static final Pattern CODE = Pattern.compile("(?s)<code>(.*?)</code>");
  private static final Pattern TAG = Pattern.compile("<[^>]+>");

  /** One goal, as the descriptor has it. */
  record Goal(String name, String description, String phase, List<Parameter> parameters) {}

  /**
   * One user parameter.
   *
   * @param defaultText the default as a reader should see it: the descriptor's {@code default-value}
   *     in code, else what the Javadoc's "Default:" paragraph says
   */
  record Parameter(String name, String type, String property, String defaultText, boolean required,
      String since, String description, List<String> examples) {}

  private ParameterReference() {}

  static List<Goal> read(Path descriptor) throws IOException {
    Document document = parse(descriptor);
    List<Goal> goals = new ArrayList<>();
    for (Element mojo : children(document.getDocumentElement(), "mojos", "mojo")) {
      String goal = text(mojo, "goal");
      Map<String, Element> configuration = new LinkedHashMap<>();
      for (Element mojoConfiguration : children(mojo, "configuration")) {
        for (Element entry : elements(mojoConfiguration)) {
          configuration.put(entry.getTagName(), entry);
        }
      }
      List<Parameter> parameters = new ArrayList<>();
      for (Element parameter : children(mojo, "parameters", "parameter")) {
        if (!"false".equals(text(parameter, "editable"))) {
          parameters.add(parameter(goal, parameter, configuration.get(text(parameter, "name"))));
        }
      }
      goals.add(new Goal(goal, markdown(text(mojo, "description")), text(mojo, "phase"), parameters));
    }
    return goals;
  }

  private static Parameter parameter(String goal, Element parameter, Element configuration) {
    String name = text(parameter, "name");
    String html = text(parameter, "description");
    List<String> examples = new ArrayList<>();
    Matcher pre = PRE.matcher(html);
    while (pre.find()) {
      examples.add(unescape(TAG.matcher(pre.group(1)).replaceAll("")).strip());
    }
    Matcher javadocDefault = DEFAULT.matcher(html);
    Optional<String> documentedDefault = javadocDefault.find()
        ? Optional.of(markdown(javadocDefault.group(1))) : Optional.empty();
    String prose = markdown(DEFAULT.matcher(PRE.matcher(html).replaceAll("")).replaceAll(""));

    String property = "";
    String defaultValue = "";
    if (configuration != null) {
      String expression = configuration.getTextContent().strip();
      if (expression.startsWith("${") && expression.endsWith("}")) {
        property = expression.substring(2, expression.length() - 1);
      }
      defaultValue = configuration.getAttribute("default-value");
    }
    boolean userGoal = !goal.equals("help");
    if (userGoal && examples.isEmpty()) {
      throw new IllegalStateException(goal + " parameter " + name + ": its Javadoc has no <pre> example");
    }
    if (userGoal && documentedDefault.isEmpty()) {
      throw new IllegalStateException(goal + " parameter " + name + ": its Javadoc has no \"Default:\" paragraph");
    }
    if (!defaultValue.isEmpty() && documentedDefault.isPresent()
        && !documentedDefault.get().contains(defaultValue)) {
      throw new IllegalStateException(goal + " parameter " + name + ": the Javadoc says the default is "
          + documentedDefault.get() + ", the annotation says " + defaultValue);
    }
    String defaultText = !defaultValue.isEmpty() ? "`" + defaultValue + "`" : documentedDefault.orElse("none");
    return new Parameter(name, simpleType(text(parameter, "type")), property, defaultText,
        "true".equals(text(parameter, "required")), text(parameter, "since"), prose, examples);
  }

  /** The reference as Markdown. */
  static String render(List<Goal> goals, String descriptorName) {
    StringBuilder out = new StringBuilder();
    out.append("# protodec-maven-plugin: goals and parameters\n\n");
    out.append("<!-- Generated from the plugin descriptor (").append(descriptorName)
        .append(") by ParameterReferenceTest; do not edit. Change the Mojos' Javadoc, then run\n     ")
        .append(UPDATE_COMMAND).append(" -->\n\n");
    out.append("Every parameter can be set in the plugin's `<configuration>` (the XML examples below) or, where it"
        + " has a property, on the command line (`-Dprotodec.skip=true`). The same text is in the build:"
        + " `mvn protodec:help -Ddetail=true -Dgoal=generate` (with the plugin's full coordinates,"
        + " `dev.protodec:protodec-maven-plugin:<version>:help`, outside a project that declares it).\n\n");
    out.append("| goal | default phase | what it does |\n|---|---|---|\n");
    for (Goal goal : goals) {
      out.append("| [`protodec:").append(goal.name()).append("`](#").append(anchor("protodec:" + goal.name()))
          .append(") | ").append(goal.phase().isEmpty() ? "none" : "`" + goal.phase() + "`").append(" | ")
          .append(cell(firstSentence(goal.description()))).append(" |\n");
    }
    Map<String, Parameter> details = new LinkedHashMap<>();
    Map<String, List<String>> usedBy = new LinkedHashMap<>();
    for (Goal goal : goals) {
      out.append("\n## protodec:").append(goal.name()).append("\n\n").append(goal.description()).append("\n\n");
      if (goal.name().equals("help")) {
        out.append("| parameter | property | default | description |\n|---|---|---|---|\n");
        for (Parameter p : goal.parameters()) {
          out.append("| `").append(p.name()).append("` | ").append(property(p)).append(" | ")
              .append(p.defaultText()).append(" | ").append(cell(p.description())).append(" |\n");
        }
        continue;
      }
      out.append("| parameter | property | default |\n|---|---|---|\n");
      for (Parameter p : goal.parameters()) {
        out.append("| [`").append(p.name()).append("`](#").append(anchor(p.name())).append(") | ")
            .append(property(p)).append(" | ").append(cell(p.defaultText())).append(" |\n");
        Parameter earlier = details.putIfAbsent(p.name(), p);
        if (earlier != null && !earlier.equals(p)) {
          throw new IllegalStateException("parameter " + p.name() + " means different things in "
              + usedBy.get(p.name()) + " and " + goal.name() + ": give one of them another name");
        }
        usedBy.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(goal.name());
      }
    }
    out.append("\n## Parameters\n");
    details.keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER).forEach(name -> {
      Parameter p = details.get(name);
      out.append("\n### ").append(p.name()).append("\n\n");
      out.append("- goals: ").append(String.join(", ", usedBy.get(name).stream().map(g -> "`" + g + "`").toList()))
          .append('\n');
      out.append("- property: ").append(property(p)).append('\n');
      out.append("- default: ").append(p.defaultText()).append('\n');
      out.append("- type: `").append(p.type()).append('`').append(p.required() ? ", required" : "")
          .append(p.since().isEmpty() ? "" : ", since " + p.since()).append("\n\n");
      out.append(p.description()).append("\n");
      for (String example : p.examples()) {
        out.append("\n```").append(example.startsWith("<") ? "xml" : "sh").append('\n').append(example)
            .append("\n```\n");
      }
    });
    return out.toString();
  }

  private static String property(Parameter p) {
    return p.property().isEmpty() ? "none" : "`" + p.property() + "`";
  }

  /** Javadoc HTML to Markdown: {@code <code>} to backticks, {@code <p>} to paragraphs, other tags dropped. */
  static String markdown(String html) {
    Matcher code = CODE.matcher(html);
    StringBuilder withTicks = new StringBuilder();
    while (code.find()) {
      code.appendReplacement(withTicks, Matcher.quoteReplacement("`" + code.group(1) + "`"));
    }
    code.appendTail(withTicks);
    String text = withTicks.toString().replaceAll("(?i)</?p>", "\n\n");
    text = unescape(TAG.matcher(text).replaceAll(""));
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      String flat = paragraph.strip().replaceAll("\\s+", " ");
      if (!flat.isEmpty()) {
        paragraphs.add(flat);
      }
    }
    return String.join("\n\n", paragraphs);
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    String first = end < 0 ? text : text.substring(0, end + 1);
    int paragraph = first.indexOf("\n\n");
    return paragraph < 0 ? first : first.substring(0, paragraph);
  }

  private static String cell(String text) {
    return text.replace("\n\n", " ").replace("|", "\\|");
  }

  /** GitHub's heading anchors: lower case, punctuation but {@code -} dropped, spaces to {@code -}. */
  private static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
        .replace("&#47;", "/").replace("&#64;", "@").replace("&nbsp;", " ").replace("&amp;", "&");
  }

  /** {@code java.util.List<java.io.File>} to {@code List<File>}. */
  private static String simpleType(String type) {
    return type.replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
  }

  private static Document parse(Path descriptor) throws IOException {
    try (InputStream in = Files.newInputStream(descriptor)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("cannot read the plugin descriptor " + descriptor + ": " + e.getMessage(), e);
    }
  }

  private static List<Element> children(Element parent, String... path) {
    List<Element> level = List.of(parent);
    for (String name : path) {
      List<Element> next = new ArrayList<>();
      for (Element element : level) {
        for (Element child : elements(element)) {
          if (child.getTagName().equals(name)) {
            next.add(child);
          }
        }
      }
      level = next;
    }
    return level;
  }

  private static List<Element> elements(Element parent) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        out.add((Element) nodes.item(i));
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    for (Element child : elements(parent)) {
      if (child.getTagName().equals(name)) {
        return child.getTextContent().strip();
      }
    }
    return "";
  }
}
