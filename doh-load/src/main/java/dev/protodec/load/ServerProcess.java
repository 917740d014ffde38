package dev.protodec.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test in its own process, optionally pinned to one CPU with {@code taskset}: our DoH
 * server ({@code protodec-doh.jar serve}), dnsdist, or the zone server dnsdist forwards to. Its output
 * goes to a log file; {@link #close()} sends SIGTERM and waits.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern START =
      Pattern.compile("serving (https?)://([^/]+)/dns-query(?:, metrics on http://([^/]+)/metrics)?");

  private final String name;
  private final Process process;
  private final InetSocketAddress address;
  private final InetSocketAddress metrics;
  private final Path log;

  private ServerProcess(String name, Process process, InetSocketAddress address, InetSocketAddress metrics,
      Path log) {
    this.name = name;
    this.process = process;
    this.address = address;
    this.metrics = metrics;
    this.log = log;
  }

  /** {@code taskset -c CPU} before {@code command} if {@code cpu} is set and taskset is there. */
  static List<String> pinned(String cpu, List<String> command) {
    List<String> all = new ArrayList<>();
    if (cpu != null && Pinning.available()) {
      all.addAll(List.of("taskset", "-c", cpu));
    }
    all.addAll(command);
    return all;
  }

  /**
   * Starts our server and waits for its start line.
   *
   * @param jvmArgs e.g. {@code -Xlog:gc...}, {@code -XX:StartFlightRecording...}
   */
  static ServerProcess doh(String decoder, Path serverJar, Path zone, String cpu, List<String> jvmArgs,
      Path dir) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", serverJar.toString(), "serve", "--listen", "127.0.0.1:0", "--tls",
        "self-signed", "--decoder", decoder, "--zone", zone.toString(), "--metrics", "127.0.0.1:0",
        "--io-threads", "1", "--idle-timeout", "300"));
    Path log = dir.resolve("server-" + decoder + ".log");
    Process p = new ProcessBuilder(pinned(cpu, command)).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = START.matcher(line);
      if (m.find()) {
        Files.writeString(log, seen.toString());
        drain(out, log);
        return new ServerProcess(decoder, p, hostPort(m.group(2)), m.group(3) == null ? null : hostPort(m.group(3)), log);
      }
    }
    p.destroyForcibly();
    throw new IOException("the " + decoder + " server printed no start line:\n" + seen);
  }

  /** Any other process that listens on a known address once {@code ready} accepts a TCP connection. */
  static ServerProcess other(String name, List<String> command, String cpu, InetSocketAddress address,
      Path dir) throws IOException {
    Path log = dir.resolve("server-" + name + ".log");
    Process p = new ProcessBuilder(pinned(cpu, command)).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IOException(name + " exited with " + p.exitValue() + ": " + Files.readString(log));
      }
      try (java.net.Socket s = new java.net.Socket()) {
        s.connect(address, 200);
        return new ServerProcess(name, p, address, null, log);
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    p.destroyForcibly();
    throw new IOException(name + " did not listen on " + address + ": " + Files.readString(log));
  }

  private static void drain(BufferedReader out, Path log) {
    Thread t = new Thread(() -> {
      try (var w = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND)) {
        String l;
        while ((l = out.readLine()) != null) {
          w.write(l);
          w.newLine();
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "server-log");
    t.setDaemon(true);
    t.start();
  }

  private static InetSocketAddress hostPort(String text) {
    int colon = text.lastIndexOf(':');
    return new InetSocketAddress(text.substring(0, colon).replace("[", "").replace("]", ""),
        Integer.parseInt(text.substring(colon + 1)));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  InetSocketAddress address() {
    return address;
  }

  /** The Prometheus endpoint, or null (dnsdist, the zone server). */
  InetSocketAddress metrics() {
    return metrics;
  }

  String baseUri() {
    return "https://127.0.0.1:" + address.getPort();
  }

  /** SIGTERM, then up to 15 s for the drain (and a JFR dump); the exit code, or -1 if it had to be killed. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }
}
