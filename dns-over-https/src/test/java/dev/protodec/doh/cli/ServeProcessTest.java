package dev.protodec.doh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.protodec.dns.fast.DnsMessage;
import dev.protodec.doh.grpc.v1.DnsResolverGrpc;
import dev.protodec.doh.zone.EmbeddedZoneServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * {@code serve} as an operator runs it: its own process, on loopback, cleartext with the gRPC API; SIGHUP
 * reloads the zone (and empties the cache) while it keeps serving, SIGTERM drains and exits 0.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(90)
class ServeProcessTest {
  private static final Pattern START =
      Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/dns-query, gRPC on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path dir;

  @Test
  void sighupReloadsTheZoneAndSigtermDrainsAndExitsZero() throws Exception {
    Path zone = dir.resolve("served.zone");
    try (InputStream bundled = EmbeddedZoneServer.class.getClassLoader()
        .getResourceAsStream(EmbeddedZoneServer.BUNDLED_ZONE)) {
      Files.write(zone, bundled.readAllBytes());
    }
    Path log = dir.resolve("serve.log");
    // env resets SIGHUP to its default: under nohup (as CI may run) the child would inherit it ignored
    Process process = new ProcessBuilder(List.of("env", "--default-signal=HUP",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
            "--listen", "127.0.0.1:0", "--tls", "off", "--zone", zone.toString(), "--grpc", "127.0.0.1:0"))
        .redirectError(log.toFile())
        .start();
    try {
      Matcher started = awaitStartLine(process, log);
      int port = Integer.parseInt(started.group(1));
      int grpcPort = Integer.parseInt(started.group(2));
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

      // cached as a negative answer: the reload must empty the cache for the new name to be served
      assertEquals(Rcode.NXDOMAIN, get(http, port, "added.example.test.", Type.A).getRcode());

      Files.writeString(zone, "added IN A 192.0.2.99\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
      signal(process, "HUP");
      Message added = null;
      for (int i = 0; i < 50 && (added == null || added.getRcode() != Rcode.NOERROR); i++) {
        Thread.sleep(100);
        added = get(http, port, "added.example.test.", Type.A);
      }
      assertEquals(Rcode.NOERROR, added.getRcode(),
          "the name added to the zone is served after SIGHUP; log:\n" + Files.readString(log));
      assertEquals("192.0.2.99", added.getSection(Section.ANSWER).get(0).rdataToString());
      assertTrue(process.isAlive(), "SIGHUP must not stop the server");

      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
      try {
        DnsMessage query = DnsMessage.newInstance();
        query.mutableHeader().setId(77).setFlags(1 << 8);
        query.addQuestions().setName("www.example.test.").setQtype(Type.A).setQclass(1);
        DnsMessage answer = DnsResolverGrpc.newBlockingStub(channel)
            .withDeadlineAfter(10, TimeUnit.SECONDS).resolve(query);
        assertEquals(77, answer.getHeader().getId());
        assertEquals(2, answer.getAnswersCount());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }

      process.destroy(); // SIGTERM
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "serve did not stop after SIGTERM");
      assertEquals(0, process.exitValue(), "exit status after SIGTERM; log:\n" + Files.readString(log));
    } finally {
      process.destroyForcibly();
    }
  }

  private static Matcher awaitStartLine(Process process, Path log) throws Exception {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (out.ready()) {
        String line = out.readLine();
        Matcher m = START.matcher(line == null ? "" : line);
        if (m.find()) {
          return m;
        }
        fail("unexpected start line: " + line);
      }
      if (!process.isAlive()) {
        fail("serve exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      Thread.sleep(50);
    }
    fail("serve printed no start line within 30 s:\n" + Files.readString(log));
    return null;
  }

  private static Message get(HttpClient http, int port, String name, int type) throws Exception {
    Message query = new Message(0);
    query.getHeader().setFlag(Flags.RD);
    query.addRecord(Record.newRecord(Name.fromString(name), type, 1), Section.QUESTION);
    String dns = Base64.getUrlEncoder().withoutPadding().encodeToString(query.toWire());
    HttpResponse<byte[]> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dns-query?dns=" + dns))
            .timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    return new Message(response.body());
  }

  private static void signal(Process process, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
    assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, kill.exitValue());
  }
}
