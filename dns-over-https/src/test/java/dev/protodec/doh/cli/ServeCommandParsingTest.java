package dev.protodec.doh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.doh.server.DohServerConfig;
import dev.protodec.doh.server.TlsSettings;
import dev.protodec.doh.shared.SharedCacheConfig;
import dev.protodec.doh.shared.SharedCacheUri;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve}'s flags become configs (nothing started); bad flags are usage errors with exit code 2. */
class ServeCommandParsingTest {

  @Test
  void defaultsGiveSelfSignedTls13OnLoopback8443AndTheGeneratedDecoder() {
    ServeCommand.Configs configs = parse();
    DohServerConfig server = configs.server();
    assertEquals(new InetSocketAddress("127.0.0.1", 8443), server.listen());
    assertEquals(TlsSettings.selfSigned(), server.tls());
    assertFalse(server.tls().allowTls12());
    assertEquals(100, server.maxConcurrentStreams());
    ResolverConfig resolver = configs.resolver();
    assertEquals(DecoderMode.GENERATED, resolver.decoder());
    assertEquals(List.of(), resolver.upstreams());
    assertTrue(configs.metrics().isEmpty());
    assertSame(server.registry(), resolver.registry());
  }

  @Test
  void everyFlagReachesItsConfig(@TempDir Path dir) throws Exception {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
    Path key = Files.writeString(dir.resolve("key.pem"), "x");
    Path zone = Files.writeString(dir.resolve("zone.txt"), "x");
    ServeCommand.Configs configs =
        parse(
            "--listen", "[::1]:0", "--tls", cert + "," + key, "--tls12",
            "--upstream", "127.0.0.1:5300,127.0.0.2:53", "--zone", zone.toString(), "--decoder", "REFLECTIVE",
            "--metrics", "127.0.0.1:9153", "--cache-bytes", "1048576", "--min-ttl", "5", "--max-ttl", "600",
            "--serve-stale", "120", "--pad-always", "--max-streams", "50", "--max-connections", "10",
            "--max-header-bytes", "4096", "--idle-timeout", "7", "--header-timeout", "3", "--max-rst", "40",
            "--rst-window", "10", "--drain-timeout", "2", "--io-threads", "3");
    DohServerConfig server = configs.server();
    assertEquals(new InetSocketAddress("::1", 0), server.listen());
    assertEquals(TlsSettings.files(cert, key).withTls12(true), server.tls());
    assertEquals(50, server.maxConcurrentStreams());
    assertEquals(10, server.maxConnections());
    assertEquals(4096, server.maxHeaderListSize());
    assertEquals(Duration.ofSeconds(7), server.idleTimeout());
    assertEquals(Duration.ofSeconds(3), server.headerReadTimeout());
    assertEquals(40, server.maxRstFramesPerWindow());
    assertEquals(Duration.ofSeconds(10), server.rstWindow());
    assertEquals(Duration.ofSeconds(2), server.drainTimeout());
    assertEquals(3, server.ioThreads());
    ResolverConfig resolver = configs.resolver();
    assertEquals(DecoderMode.REFLECTIVE, resolver.decoder());
    assertEquals(
        List.of(new InetSocketAddress("127.0.0.1", 5300), new InetSocketAddress("127.0.0.2", 53)), resolver.upstreams());
    assertEquals(zone, resolver.zoneFile());
    assertEquals(1_048_576, resolver.cacheMaxBytes());
    assertEquals(5, resolver.minTtl());
    assertEquals(600, resolver.maxTtl());
    assertEquals(Duration.ofSeconds(120), resolver.maxStale());
    assertTrue(resolver.padAlways());
    assertEquals(new InetSocketAddress("127.0.0.1", 9153), configs.metrics().orElseThrow());
  }

  @Test
  void sharedCacheFlagsGiveTheUriDeadlineAndQueue() {
    assertEquals(null, parse().resolver().sharedCache());
    SharedCacheConfig single = parse("--shared-cache", "redis://doh:s%40cret@127.0.0.1:6380",
        "--shared-cache-deadline", "3", "--shared-cache-queue", "500").resolver().sharedCache();
    assertEquals(new SharedCacheUri(false, false, "doh", "s@cret",
        List.of(InetSocketAddress.createUnresolved("127.0.0.1", 6380))), single.uri());
    assertEquals(Duration.ofMillis(3), single.readDeadline());
    assertEquals(500, single.writeQueue());
    assertEquals("redis://doh:***@127.0.0.1:6380", single.uri().toString());
    SharedCacheUri cluster = parse("--shared-cache", "rediss-cluster://h1:7000,[::1]:7001,h3")
        .resolver().sharedCache().uri();
    assertTrue(cluster.tls() && cluster.cluster());
    assertEquals(List.of(InetSocketAddress.createUnresolved("h1", 7000), InetSocketAddress.createUnresolved("::1", 7001),
        InetSocketAddress.createUnresolved("h3", 6379)), cluster.seeds());
    assertEquals(2, exitCode("--shared-cache", "redis://h1:1,h2:2"));
    assertEquals(2, exitCode("--shared-cache", "memcached://h1:1"));
    assertEquals(2, exitCode("--shared-cache", "redis://h1:1", "--shared-cache-deadline", "0"));
  }

  @Test
  void tlsOffIsCleartext() {
    assertEquals(TlsSettings.off(), parse("--tls", "off").server().tls());
  }

  @Test
  void decoderNamesAreTheModesSpelledWithHyphensInAnyCase() {
    assertEquals(DecoderMode.GENERATED_ZERO_COPY, parse("--decoder", "generated-zero-copy").resolver().decoder());
    assertEquals(DecoderMode.GENERATED_ZERO_COPY, parse("--decoder", "GENERATED_ZERO_COPY").resolver().decoder());
    assertEquals(DecoderMode.WIRE, parse("--decoder", "Wire").resolver().decoder());
  }

  @Test
  void badFlagsAreUsageErrorsWithExitCode2() {
    assertEquals(2, exitCode("serve", "--no-such-flag"));
    assertEquals(2, exitCode("serve", "--listen", "nonsense"));
    assertEquals(2, exitCode("serve", "--listen", "127.0.0.1:99999"));
    assertEquals(2, exitCode("serve", "--tls", "missing-cert.pem,missing-key.pem"));
    assertEquals(2, exitCode("serve", "--decoder", "fastest"));
    assertEquals(2, exitCode("serve", "--max-streams", "0", "--listen", "127.0.0.1:0"));
    assertEquals(2, exitCode("serve", "--min-ttl", "100", "--max-ttl", "10"));
  }

  @Test
  void upstreamFileGivesTheListAndNamesABadLine(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("upstreams.txt");
    java.nio.file.Files.writeString(good, "# resolvers\n127.0.0.1:5300\n\n[::1]:5301  # v6\n");
    assertEquals(java.util.List.of(new java.net.InetSocketAddress("127.0.0.1", 5300),
            new java.net.InetSocketAddress("::1", 5301)),
        parse("--upstream-file", good.toString(), "--grpc", "127.0.0.1:0").resolver().upstreams());

    Path bad = dir.resolve("bad.txt");
    java.nio.file.Files.writeString(bad, "127.0.0.1:5300\nnot-an-address\n");
    assertEquals(2, exitCode("serve", "--upstream-file", bad.toString()));
    assertEquals(2, exitCode("serve", "--upstream-file", dir.resolve("missing.txt").toString()));
  }

  @Test
  void serveHelpDocumentsEveryFlagWithDefaults() {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("serve", "--help"));
    String help = out.toString();
    for (String flag : new String[] {"--listen", "--tls", "--tls12", "--upstream", "--zone", "--decoder", "--metrics",
        "--cache-bytes", "--min-ttl", "--max-ttl", "--serve-stale", "--pad-always", "--max-streams",
        "--max-connections", "--max-header-bytes", "--idle-timeout", "--header-timeout", "--max-rst",
        "--rst-window", "--drain-timeout", "--io-threads", "--upstream-file", "--grpc", "--shared-cache",
        "--shared-cache-deadline", "--shared-cache-queue", "redis-cluster://"}) {
      assertTrue(help.contains(flag), flag + " missing from:\n" + help);
    }
    assertTrue(help.contains("Default: 127.0.0.1:8443"), help);
  }

  private static ServeCommand.Configs parse(String... args) {
    CommandLine cl = new CommandLine(new ServeCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    cl.parseArgs(args);
    return ((ServeCommand) cl.getCommand()).configs();
  }

  private static int exitCode(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    cl.getSubcommands().get("serve").setErr(new PrintWriter(err));
    return cl.execute(args);
  }
}
