package dev.protodec.doh.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A {@code redis-server} process of the test's own on a free loopback port, no persistence: started,
 * killed (SIGKILL) and restarted on the same port by the test, killed on close. Never a system service.
 * Without {@code redis-server} on the PATH the test is skipped, or fails when the environment variable
 * {@code CI} is set ({@code .ci/run} installs Debian's {@code redis-server}).
 */
public final class RedisServer implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final int clusterPort;
  private final List<String> extra;
  private String binary;
  private Process process;

  private RedisServer(Path dir, int port, int clusterPort, List<String> extra) {
    this.dir = dir;
    this.port = port;
    this.clusterPort = clusterPort;
    this.extra = extra;
  }

  /** Starts a server with {@code extra} arguments ({@code --name value} pairs). */
  public static RedisServer launch(String... extra) throws IOException {
    String binary = binary("redis-server");
    Path dir = Files.createTempDirectory("protodec-redis-");
    RedisServer server = new RedisServer(dir, freePort(), freePort(), List.of(extra));
    server.binary = binary;
    server.start();
    return server;
  }

  /** A cluster node: {@code --cluster-enabled yes} with its bus on a free port of its own. */
  public static RedisServer launchClusterNode(String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
        "--cluster-node-timeout", "1000", "--cluster-require-full-coverage", "no"));
    args.addAll(List.of(extra));
    String binary = binary("redis-server");
    Path dir = Files.createTempDirectory("protodec-redis-node-");
    int port = freePort();
    int bus = freePort();
    args.add("--cluster-port");
    args.add(Integer.toString(bus));
    RedisServer server = new RedisServer(dir, port, bus, args);
    server.binary = binary;
    server.start();
    return server;
  }

  /** The path of {@code name} on the PATH; skips (or fails in CI) without it. */
  public static String binary(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      File f = new File(d, name);
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    if (System.getenv("CI") != null) {
      fail(name + " is not installed (CI must have it: apt-get install redis-server redis-tools)");
    }
    Assumptions.abort(name + " is not installed; skipping (apt-get install redis-server redis-tools)");
    return null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Starts (or restarts, after {@link #kill()}) the process on the same port; waits until it answers. */
  public void start() throws IOException {
    List<String> command = new ArrayList<>(List.of(binary, "--port", Integer.toString(port), "--save", "",
        "--appendonly", "no", "--bind", "127.0.0.1", "--dir", dir.toString(), "--daemonize", "no"));
    command.addAll(extra);
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile())).start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited: " + log());
      }
      try (Resp r = new Resp(port)) {
        Object pong = r.call("PING");
        if ("PONG".equals(pong) || pong instanceof Resp.Error) { // an error: up, but wants AUTH
          return;
        }
      } catch (IOException notYet) {
        sleep(20);
      }
    }
    throw new IOException("redis-server did not answer on port " + port + ": " + log());
  }

  /** SIGKILL, and waits for the process to go. */
  public void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public int port() {
    return port;
  }

  public int clusterPort() {
    return clusterPort;
  }

  public InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", port);
  }

  /** A new client of the test's own. */
  public Resp client() throws IOException {
    return new Resp(port);
  }

  public String log() {
    try {
      return Files.readString(dir.resolve("redis.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory left behind
    }
  }
}
