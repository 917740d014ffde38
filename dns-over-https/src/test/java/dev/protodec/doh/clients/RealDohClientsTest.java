package dev.protodec.doh.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.doh.server.DohServer;
import dev.protodec.doh.server.DohServerConfig;
import dev.protodec.doh.zone.EmbeddedZoneServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * DoH clients no one here wrote — Knot's kdig, BIND's dig, curl and nghttp2's h2load (Debian packages,
 * installed by .ci/run) — against the server with a self-signed certificate on loopback. Each client
 * runs with a time limit. Outside CI a missing client skips its test; in CI it fails it.
 */
@Timeout(120)
class RealDohClientsTest {
  private static final long CLIENT_SECONDS = 30;

  @TempDir static Path dir;
  private static PrometheusRegistry registry;
  private static DefaultResolver resolver;
  private static DohServer server;

  @BeforeAll
  static void start() throws IOException {
    // the bundled zone plus one name on loopback, for curl to connect to after resolving it over DoH
    Path zone = dir.resolve("clients.zone");
    try (InputStream bundled = EmbeddedZoneServer.class.getClassLoader()
        .getResourceAsStream(EmbeddedZoneServer.BUNDLED_ZONE)) {
      String text = new String(bundled.readAllBytes(), StandardCharsets.US_ASCII);
      Files.writeString(zone, text + "\nloop IN A 127.0.0.1\n", StandardCharsets.US_ASCII);
    }
    registry = new PrometheusRegistry();
    resolver = new DefaultResolver(ResolverConfig.builder().zoneFile(zone).registry(registry).build());
    server = new DohServer(DohServerConfig.builder()
        .listen(new InetSocketAddress("127.0.0.1", 0)).registry(registry).build(), resolver).start();
    assertTrue(server.tls(), "the clients speak DoH over TLS");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (resolver != null) {
      resolver.close();
    }
  }

  private static String dohUrl() {
    return "https://127.0.0.1:" + server.port() + "/dns-query";
  }

  @Test
  void kdigOverHttpsPostAndGet() throws Exception {
    for (String method : List.of("+https", "+https-get")) {
      String out = run("kdig", "@127.0.0.1", "-p", String.valueOf(server.port()), method,
          "www.example.test.", "A");
      assertTrue(out.contains("status: NOERROR"), out);
      assertTrue(out.contains("192.0.2.10") && out.contains("192.0.2.11"), out);
      assertTrue(out.contains("HTTP session"), "kdig says it used DoH: " + out);
    }
  }

  @Test
  void digOverHttpsPostAndGetKeepsNxdomain() throws Exception {
    for (String method : List.of("+https", "+https-get")) {
      String out = run("dig", "@127.0.0.1", "-p", String.valueOf(server.port()), method,
          "example.test.", "MX");
      assertTrue(out.contains("status: NOERROR"), out);
      assertTrue(out.contains("10 mail.example.test.") && out.contains("20 mail2.example.test."), out);
      String missing = run("dig", "@127.0.0.1", "-p", String.valueOf(server.port()), method,
          "nope.example.test.", "A");
      assertTrue(missing.contains("status: NXDOMAIN"), missing);
    }
  }

  @Test
  void curlResolvesThroughDohThenConnects() throws Exception {
    // curl asks our server for loop.example.test over DoH, then connects to the address it got
    // (127.0.0.1: our own server, which answers / with 404)
    String out = run("curl", "-sk", "--doh-url", dohUrl(), "--doh-insecure", "-o", "/dev/null",
        "-w", "%{remote_ip} %{http_code}",
        "https://loop.example.test:" + server.port() + "/");
    assertEquals("127.0.0.1 404", out.trim());
  }

  @Test
  void curlRawRfc8484OverHttp1AndHttp2() throws Exception {
    byte[] query = query("www.example.test.", Type.AAAA, 0x1234);
    String dns = Base64.getUrlEncoder().withoutPadding().encodeToString(query);
    Path get = dir.resolve("get.bin");
    run("curl", "-sk", "--http1.1", "--fail", "-H", "accept: application/dns-message", "-o", get.toString(),
        dohUrl() + "?dns=" + dns);
    Path body = dir.resolve("query.bin");
    Files.write(body, query);
    Path post = dir.resolve("post.bin");
    run("curl", "-sk", "--http2", "--fail", "-H", "content-type: application/dns-message",
        "--data-binary", "@" + body, "-o", post.toString(), dohUrl());
    for (Path answer : List.of(get, post)) {
      Message m = new Message(Files.readAllBytes(answer));
      assertEquals(0x1234, m.getHeader().getID());
      assertEquals(java.net.InetAddress.getByName("2001:db8::10"),
          ((org.xbill.DNS.AAAARecord) m.getSection(Section.ANSWER).get(0)).getAddress());
    }
  }

  @Test
  void h2loadManyConcurrentPostStreamsOnOneConnectionAllAnswered() throws Exception {
    Path body = dir.resolve("h2load-query.bin");
    Files.write(body, query("example.test.", Type.A, 7));
    int requests = 2_000;
    double before = counter("doh_resolver_queries");
    String out = run("h2load", "-n", String.valueOf(requests), "-c", "1", "-m", "64", "-t", "1",
        "-d", body.toString(), "-H", "content-type: application/dns-message", dohUrl());
    assertTrue(out.contains(requests + " succeeded, 0 failed, 0 errored"), out);
    assertTrue(out.contains("status codes: " + requests + " 2xx"), out);
    assertEquals(requests, counter("doh_resolver_queries") - before, 0.0,
        "every POST reached the resolver and was answered");
  }

  private static byte[] query(String name, int type, int id) throws IOException {
    Message m = new Message(id);
    m.getHeader().setFlag(Flags.RD);
    m.addRecord(Record.newRecord(Name.fromString(name), type, 1), Section.QUESTION);
    return m.toWire();
  }

  private static double counter(String name) {
    double sum = 0;
    for (MetricSnapshot snapshot : registry.scrape()) {
      if (snapshot.getMetadata().getName().equals(name) && snapshot instanceof CounterSnapshot c) {
        for (CounterSnapshot.CounterDataPointSnapshot point : c.getDataPoints()) {
          sum += point.getValue();
        }
      }
    }
    return sum;
  }

  /** Runs a client to completion (bounded), returning what it printed; a non-zero exit fails the test. */
  private static String run(String... command) throws Exception {
    requireTool(command[0]);
    List<String> args = new ArrayList<>(List.of(command));
    Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
    process.getOutputStream().close();
    if (!process.waitFor(CLIENT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", args) + " did not finish within " + CLIENT_SECONDS + " s");
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), String.join(" ", args) + " failed:\n" + out);
    return out;
  }

  private static void requireTool(String tool) {
    boolean found = false;
    for (String dirName : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dirName, tool))) {
        found = true;
        break;
      }
    }
    if (!found && System.getenv("CI") != null) {
      fail(tool + " is not installed; .ci/run installs it (knot-dnsutils, bind9-dnsutils, curl, nghttp2-client)");
    }
    Assumptions.assumeTrue(found, tool + " is not installed");
  }
}
