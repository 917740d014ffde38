package dev.protodec.load;

import dev.protodec.doh.zone.EmbeddedZoneServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar protodec-doh-load.jar run quick|full --server-jar J --out DIR}: the load run (see
 * {@link LoadRunner}); {@code zone --listen HOST:PORT --zone FILE}: the zone server alone, dnsdist's
 * backend, until SIGTERM.
 */
public final class LoadMain {
  private static final String USAGE = """
      Usage: java -jar protodec-doh-load.jar run quick|full --server-jar <protodec-doh.jar> [--out <dir>]
             java -jar protodec-doh-load.jar zone --listen <host:port> --zone <file>
      """;

  private LoadMain() {}

  public static void main(String[] args) throws Exception {
    boolean help = java.util.Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help"));
    if (args.length == 0 || help) { // 'run --help' once started a whole run
      System.out.print(USAGE);
      System.exit(help ? 0 : 2);
    }
    switch (args[0]) {
      case "run" -> {
        String mode = args.length > 1 && !args[1].startsWith("--") ? args[1] : "quick";
        Path serverJar = Path.of(option(args, "--server-jar", "dns-over-https/target/protodec-doh.jar"));
        Path out = Path.of(option(args, "--out", "target/load"));
        Path self = Path.of(LoadMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path result = new LoadRunner(LoadSettings.of(mode), serverJar, self, out).run();
        System.out.println(result.toAbsolutePath());
      }
      case "zone" -> {
        String[] listen = option(args, "--listen", "127.0.0.1:5300").split(":");
        try (EmbeddedZoneServer zone = new EmbeddedZoneServer(
            new InetSocketAddress(listen[0], Integer.parseInt(listen[1])), Path.of(option(args, "--zone", null)))
            .start()) {
          System.out.println("zone server on " + zone.address());
          CountDownLatch stop = new CountDownLatch(1);
          Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
          stop.await();
        }
      }
      default -> {
        System.err.print(USAGE);
        System.exit(2);
      }
    }
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    if (fallback == null) {
      throw new IllegalArgumentException(name + " is required\n" + USAGE);
    }
    return fallback;
  }
}
