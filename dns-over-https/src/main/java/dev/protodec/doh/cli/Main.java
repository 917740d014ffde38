package dev.protodec.doh.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code protodec-doh}: the runnable jar's entry point. Bad flags print picocli's usage error and exit 2.
 *
 * <p>The server turns Netty's buffer leak detector off unless {@code -Dio.netty.leakDetection.level} says
 * otherwise: even sampled ({@code simple}, Netty's default) it builds a stack trace for about one request
 * in twenty here, some 3% of a cache hit's time. The soak test runs it at {@code paranoid}.
 */
@Command(
    name = "protodec-doh",
    mixinStandardHelpOptions = true,
    version = "protodec-doh 0.1.0-SNAPSHOT",
    description = "A DNS-over-HTTPS resolver (RFC 8484 and the JSON API) whose cache decoder is protodec's.",
    subcommands = {ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  private static final String LEAK_DETECTION = "io.netty.leakDetection.level";

  public static void main(String[] args) {
    if (System.getProperty(LEAK_DETECTION) == null) {
      System.setProperty(LEAK_DETECTION, "disabled"); // before any Netty class reads it
    }
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (0 ok, 1 failure, 2 usage error). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
