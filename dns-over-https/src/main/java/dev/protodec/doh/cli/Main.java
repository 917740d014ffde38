package dev.protodec.doh.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code protodec-doh}: the runnable jar's entry point. Bad flags print picocli's usage error and exit 2. */
@Command(
    name = "protodec-doh",
    mixinStandardHelpOptions = true,
    version = "protodec-doh 0.1.0-SNAPSHOT",
    description = "A DNS-over-HTTPS resolver (RFC 8484 and the JSON API) whose cache decoder is protodec's.",
    subcommands = {ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  public static void main(String[] args) {
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
