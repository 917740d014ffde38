package dev.protodec.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The whole load run, written to {@code <out>/load-result.json}:
 *
 * <ol>
 *   <li>closed loop (h2load GET, then POST) against each decoder and dnsdist, the contenders' order
 *       rotated on every repeat, each server fresh, its cache warmed and every distinct question checked
 *       first;
 *   <li>one more generated-decoder GET run under JFR, for where the time goes;
 *   <li>open loop at fractions of the reflective server's closed-loop GET maximum, each decoder in turn.
 * </ol>
 */
final class LoadRunner {
  static final List<String> DECODERS = List.of("generated", "reflective", "wire");
  static final String DNSDIST = "dnsdist";
  private static final int DRAWS = 20_000;

  private final LoadSettings settings;
  private Path serverJar;
  private final Path loadJar;
  private final Path out;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final ObjectNode root = json.createObjectNode();
  private final ArrayNode runs = root.putArray("runs");
  private final ArrayNode notes = root.putArray("notes");
  private CorpusWorkload workload;
  private List<OpenLoop.Request> requests;
  private List<OpenLoop.Request> distinct;
  private Path zone;
  private Path postBody;

  LoadRunner(LoadSettings settings, Path serverJar, Path loadJar, Path out) {
    this.settings = settings;
    this.serverJar = serverJar;
    this.loadJar = loadJar;
    this.out = out;
  }

  Path run() throws IOException {
    Files.createDirectories(out);
    Instant started = Instant.now();
    prepare();
    boolean dnsdist = Pinning.which("dnsdist") != null;
    if (!dnsdist) {
      note("dnsdist: not installed (Debian package dnsdist), so its row is skipped");
    }
    List<String> closed = new ArrayList<>(DECODERS);
    if (dnsdist) {
      closed.add(DNSDIST);
    }
    for (int r = 1; r <= settings.repeats(); r++) {
      for (String contender : rotate(closed, r - 1)) {
        log("closed loop, repeat " + r + ": " + contender);
        try {
          closedLoop(contender, r);
        } catch (IOException | RuntimeException e) {
          note(contender + " closed loop, repeat " + r + ": failed: " + e.getMessage());
        }
      }
    }
    log("JFR recording: generated, closed-loop GET");
    try {
      profile();
    } catch (IOException | RuntimeException e) {
      note("JFR breakdown failed: " + e.getMessage());
    }
    double max = reflectiveMaximum();
    ArrayNode rates = root.putArray("openLoopRates");
    if (max > 0) {
      for (double f : settings.rateFractions()) {
        rates.add(Math.round(max * f));
      }
      for (int r = 1; r <= settings.repeats(); r++) {
        for (String decoder : rotate(DECODERS, r - 1)) {
          log("open loop, repeat " + r + ": " + decoder);
          try {
            openLoop(decoder, r, max);
          } catch (IOException | RuntimeException e) {
            note(decoder + " open loop, repeat " + r + ": failed: " + e.getMessage());
          }
        }
      }
    } else {
      note("open loop skipped: no closed-loop maximum of the reflective server");
    }
    root.put("seconds", Duration.between(started, Instant.now()).toSeconds());
    Path result = out.resolve("load-result.json");
    json.writeValue(result.toFile(), root);
    return result;
  }

  private void prepare() throws IOException {
    // a copy, so a build of dns-over-https running beside us cannot change the jar between servers
    Path copy = out.resolve("protodec-doh.jar");
    Files.copy(serverJar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    serverJar = copy;
    workload = CorpusWorkload.build(DRAWS);
    zone = out.resolve("corpus.zone");
    workload.writeZone(zone);
    postBody = out.resolve("post-body.bin");
    Files.write(postBody, workload.top().wire(0));
    requests = OpenLoop.requests(workload);
    distinct = new ArrayList<>();
    for (CorpusWorkload.Query q : workload.queries()) {
      byte[] wire = q.wire(0x1000 + distinct.size());
      distinct.add(new OpenLoop.Request(wire, "/dns-query?dns="
          + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(wire), q.name(), q.type(), q.positive()));
    }
    root.put("mode", settings.mode());
    root.put("started", Instant.now().toString());
    root.put("java", System.getProperty("java.version"));
    root.put("cpus", Runtime.getRuntime().availableProcessors());
    ObjectNode pin = root.putObject("pinning");
    pin.put("applied", Pinning.available());
    pin.put("serverCpu", Pinning.SERVER_CPU);
    pin.put("clientCpu", Pinning.CLIENT_CPU);
    pin.put("note", Pinning.note());
    ObjectNode w = root.putObject("workload");
    w.put("questions", workload.queries().size());
    w.put("draws", DRAWS);
    w.put("zipfExponent", CorpusWorkload.ZIPF_EXPONENT);
    w.put("seed", CorpusWorkload.SEED);
    w.put("zoneRecords", workload.zoneRecords().size());
    w.put("postQuestion", workload.top().name() + " type " + workload.top().type());
    ObjectNode left = w.putObject("leftOut");
    workload.leftOut().forEach(left::put);
    w.put("tls", "TLS 1.3, self-signed RSA 2048 certificate for localhost; HTTP/2 (ALPN h2)");
    ObjectNode s = root.putObject("settings");
    s.put("repeats", settings.repeats());
    s.put("warmUpSeconds", settings.warmUpSeconds());
    s.put("serverWarmUpSeconds", settings.serverWarmUpSeconds());
    s.put("warmUpRoundSeconds", settings.warmUpRoundSeconds());
    s.put("generatorWarmUpSeconds", settings.generatorWarmUpSeconds());
    s.put("getSeconds", settings.getSeconds());
    s.put("postSeconds", settings.postSeconds());
    s.put("openSeconds", settings.openSeconds());
    s.put("connections", settings.connections());
    s.put("streams", settings.streams());
    ArrayNode fr = s.putArray("rateFractions");
    settings.rateFractions().forEach(fr::add);
  }

  private void closedLoop(String contender, int repeat) throws IOException {
    Path dir = Files.createDirectories(out.resolve("runs").resolve(contender + "-" + repeat));
    try (Contender server = start(contender, dir, List.of())) {
      ObjectNode check = check(server.doh.address());
      Path uris = getUris(server, dir);
      ObjectNode warmUp = warmUp(server, uris, dir);
      for (String method : List.of("GET", "POST")) {
        boolean post = method.equals("POST");
        int seconds = post ? settings.postSeconds() : settings.getSeconds();
        Scrape before = Scrape.of(server.doh.metrics());
        Instant from = Instant.now();
        H2Load.Outcome o = H2Load.run(server.doh.baseUri() + "/dns-query", uris, post ? postBody : null,
            settings.connections(), settings.streams(), seconds, settings.warmUpSeconds(), dir, method.toLowerCase(), true);
        Instant to = Instant.now();
        Scrape after = Scrape.of(server.doh.metrics());
        ObjectNode run = runNode("closed-" + method.toLowerCase(), "closed", method, contender, repeat);
        run.put("reqPerSec", o.reqPerSec());
        run.put("seconds", o.seconds());
        run.put("requests", o.done());
        run.put("ok", o.status2xx());
        run.put("errors", o.errors());
        run.put("command", o.command());
        latency(run, o.latencyMicros(), false);
        serverSide(run, server, before, after, from.plusSeconds(settings.warmUpSeconds()), to);
        run.set("check", check);
        run.set("warmUp", warmUp);
        runs.add(run);
        writeSoFar();
      }
    }
  }

  /**
   * Unmeasured load on a fresh server before its first measured run, until its rate stops rising
   * ({@link Plateau}): h2load GET in rounds of {@link LoadSettings#warmUpRoundSeconds()}, for at most
   * {@link LoadSettings#serverWarmUpSeconds()}, then one POST round, so that the JIT has compiled both
   * request paths before anything is timed. Same for every contender; the rounds' rates, and whether
   * the rate levelled off within the limit, go in the result.
   */
  private ObjectNode warmUp(Contender server, Path uris, Path dir) throws IOException {
    int round = settings.warmUpRoundSeconds();
    Plateau plateau = new Plateau();
    boolean flat = false;
    int spent = 0;
    while (!flat && spent + round <= settings.serverWarmUpSeconds()) {
      int n = plateau.rates().size() + 1;
      H2Load.Outcome o = H2Load.run(server.doh.baseUri() + "/dns-query", uris, null, settings.connections(),
          settings.streams(), round, 1, dir, "warm-up-get-" + n, false);
      flat = plateau.add(o.reqPerSec());
      spent += round + 1;
    }
    H2Load.run(server.doh.baseUri() + "/dns-query", uris, postBody, settings.connections(), settings.streams(),
        round, 1, dir, "warm-up-post", false);
    ObjectNode n = json.createObjectNode();
    n.put("levelledOff", flat);
    n.put("seconds", spent + round + 1);
    ArrayNode rates = n.putArray("getRoundsReqPerSec");
    plateau.rates().forEach(r -> rates.add(Math.round(r)));
    n.put("rule", "h2load GET rounds of " + round + " s until one is at most " + Plateau.RISE_PERCENT
        + "% above the best before it (at least " + Plateau.MIN_ROUNDS + " rounds, at most "
        + settings.serverWarmUpSeconds() + " s), then one POST round");
    return n;
  }

  /** This server's GET URIs, one per corpus draw, for h2load {@code -i}. */
  private Path getUris(Contender server, Path dir) throws IOException {
    Path uris = dir.resolve("get-uris.txt");
    workload.writeGetUris(uris, server.doh.baseUri());
    return uris;
  }

  private void profile() throws IOException {
    Path dir = Files.createDirectories(out.resolve("runs").resolve("generated-jfr"));
    Path recording = dir.resolve("server.jfr");
    Path jfc = JfrBreakdown.settings(dir, 2);
    List<String> jvm = List.of("-XX:StartFlightRecording=filename=" + recording + ",settings=" + jfc
        + ",dumponexit=true");
    Instant from;
    Instant to;
    H2Load.Outcome o;
    ObjectNode profileWarmUp;
    try (Contender server = start("generated", dir, jvm)) {
      check(server.doh.address());
      Path uris = getUris(server, dir);
      profileWarmUp = warmUp(server, uris, dir);
      Instant t0 = Instant.now();
      o = H2Load.run(server.doh.baseUri() + "/dns-query", uris, null, settings.connections(), settings.streams(),
          settings.getSeconds(), settings.warmUpSeconds(), dir, "get", true);
      from = t0.plusSeconds(settings.warmUpSeconds());
      to = Instant.now();
    }
    List<JfrBreakdown.Row> rows = JfrBreakdown.read(recording, from, to);
    ObjectNode b = root.putObject("breakdown");
    b.put("server", "generated");
    b.put("scenario", "closed-get");
    b.put("reqPerSec", o.reqPerSec());
    b.put("samplePeriodMillis", 2);
    b.set("warmUp", profileWarmUp);
    long samples = rows.stream().mapToLong(JfrBreakdown.Row::samples).sum();
    b.put("samples", samples);
    b.put("rule", "each jdk.ExecutionSample of the server in the measured window goes to the category of the "
        + "first project or library frame from the top of its stack; JDK frames are charged to their caller");
    ArrayNode arr = b.putArray("rows");
    for (JfrBreakdown.Row r : rows) {
      ObjectNode n = arr.addObject();
      n.put("category", r.category());
      n.put("samples", r.samples());
      n.put("share", r.share());
      // CPU time per request: the share of one (pinned) core's time, divided by the request rate
      n.put("microsPerRequest", o.reqPerSec() > 0 ? r.share() * 1e6 / o.reqPerSec() : 0);
    }
    writeSoFar();
  }

  private void openLoop(String decoder, int repeat, double max) throws IOException {
    Path dir = Files.createDirectories(out.resolve("runs").resolve(decoder + "-open-" + repeat));
    try (Contender server = start(decoder, dir, List.of())) {
      ObjectNode check = check(server.doh.address());
      Path uris = getUris(server, dir);
      ObjectNode warmUp = warmUp(server, uris, dir);
      // connected after the warm-up: the server closes connections that send no request for a while
      openLoop(decoder, repeat, max, server, check, warmUp);
    }
  }

  private void openLoop(String decoder, int repeat, double max, Contender server, ObjectNode check,
      ObjectNode warmUp) throws IOException {
    try (OpenLoop generator = new OpenLoop(server.doh.address(), settings.connections())) {
      generator.run(requests, false, max * 0.5, Duration.ofSeconds(settings.generatorWarmUpSeconds()),
          Duration.ofSeconds(2), 1000); // the generator's own warm-up, not recorded
      for (double f : settings.rateFractions()) {
        double rate = Math.round(max * f);
        // The generator's own GC pauses would be counted as the server's latency: start each run on an
        // emptied young generation (bin/load gives it 2 GB, more than a run allocates) and record any pause.
        System.gc();
        long[] gcBefore = generatorGc();
        Scrape before = Scrape.of(server.doh.metrics());
        Instant from = Instant.now();
        OpenLoop.Outcome o = generator.run(requests, false, rate, Duration.ofSeconds(settings.openSeconds()),
            Duration.ofSeconds(2), 50);
        Instant to = Instant.now();
        long[] gcAfter = generatorGc();
        Scrape after = Scrape.of(server.doh.metrics());
        ObjectNode run = runNode("open-" + Math.round(f * 100), "open", "GET", decoder, repeat);
        run.put("targetRate", rate);
        run.put("rateFraction", f);
        run.put("sentPerSec", o.sentPerSecond());
        run.put("reqPerSec", o.ok() / o.seconds());
        run.put("seconds", o.seconds());
        run.put("requests", o.sent());
        run.put("ok", o.ok());
        run.put("errors", o.errors());
        ObjectNode e = run.putObject("errorKinds");
        e.put("non200", o.non200());
        e.put("badAnswer", o.badAnswers());
        e.put("failedStream", o.failedStreams());
        e.put("timeout", o.timeouts());
        run.put("parsedAnswers", o.parsed());
        ObjectNode gen = run.putObject("generatorGc");
        gen.put("pauses", gcAfter[0] - gcBefore[0]);
        gen.put("totalMillis", gcAfter[1] - gcBefore[1]);
        latency(run, o.latencyMicros(), true);
        serverSide(run, server, before, after, from, to);
        run.set("check", check);
        run.set("warmUp", warmUp);
        runs.add(run);
        writeSoFar();
      }
    }
  }

  /** This JVM's (the generator's) collections so far and their total time in ms. */
  private static long[] generatorGc() {
    long count = 0;
    long millis = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory
        .getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  /** Every distinct question once over GET, every answer parsed and checked: the cache warm-up too. */
  private ObjectNode check(InetSocketAddress address) throws IOException {
    ObjectNode n = json.createObjectNode();
    try (OpenLoop client = new OpenLoop(address, 2)) {
      OpenLoop.Outcome get = client.run(distinct, false, 2_000, Duration.ofMillis(distinct.size() / 2),
          Duration.ofSeconds(3), 1);
      OpenLoop.Outcome post = client.run(distinct.subList(0, Math.min(200, distinct.size())), true, 2_000,
          Duration.ofMillis(100), Duration.ofSeconds(3), 1);
      n.put("checked", get.sent() + post.sent());
      n.put("passed", get.ok() + post.ok());
      n.put("non200", get.non200() + post.non200());
      n.put("badAnswer", get.badAnswers() + post.badAnswers());
      n.put("failedStream", get.failedStreams() + post.failedStreams());
      n.put("timeout", get.timeouts() + post.timeouts());
      n.put("rule", "status 200, the query's ID, its question, NOERROR with answers where the zone has data and "
          + "NXDOMAIN/NODATA where not; every distinct question over GET, 200 over POST");
    }
    return n;
  }

  private void serverSide(ObjectNode run, Contender server, Scrape before, Scrape after, Instant from, Instant to)
      throws IOException {
    if (server.doh.metrics() == null) {
      run.putNull("bytesPerRequest");
      run.putNull("gc");
      return;
    }
    double served = before.delta(after, "doh_http_responses_total");
    double bytes = before.delta(after, "doh_jvm_allocated_bytes_total");
    run.put("serverResponses", served);
    run.put("bytesPerRequest", served > 0 ? bytes / served : Double.NaN);
    GcWindow gc = GcWindow.read(server.gcLog, from, to);
    ObjectNode g = run.putObject("gc");
    g.put("pauses", gc.count());
    g.put("totalMillis", gc.totalMillis());
    g.put("maxMillis", gc.maxMillis());
    g.put("metricsCollections", before.delta(after, "jvm_gc_collection_seconds_count"));
    g.put("metricsSeconds", before.delta(after, "jvm_gc_collection_seconds_sum"));
  }

  private ObjectNode runNode(String scenario, String kind, String method, String contender, int repeat) {
    ObjectNode n = json.createObjectNode();
    n.put("scenario", scenario);
    n.put("kind", kind);
    n.put("method", method);
    n.put("server", contender);
    n.put("repeat", repeat);
    return n;
  }

  private static void latency(ObjectNode run, Histogram h, boolean distribution) {
    ObjectNode l = run.putObject("latencyMicros");
    l.put("count", h.getTotalCount());
    if (h.getTotalCount() == 0) {
      return;
    }
    l.put("p50", h.getValueAtPercentile(50));
    l.put("p90", h.getValueAtPercentile(90));
    l.put("p99", h.getValueAtPercentile(99));
    l.put("p999", h.getValueAtPercentile(99.9));
    l.put("max", h.getMaxValue());
    l.put("mean", h.getMean());
    if (distribution) {
      ArrayNode d = run.putArray("percentiles");
      for (HistogramIterationValue v : h.percentiles(5)) {
        if (v.getPercentileLevelIteratedTo() >= 99.999) {
          break;
        }
        ArrayNode p = d.addArray();
        p.add(v.getPercentileLevelIteratedTo());
        p.add(v.getValueIteratedTo());
      }
      ArrayNode p = d.addArray();
      p.add(100.0);
      p.add(h.getMaxValue());
    }
  }

  /** A server under test: ours, or dnsdist with the zone server behind it. */
  private final class Contender implements AutoCloseable {
    final ServerProcess doh;
    final ServerProcess backend;
    final Path gcLog;

    Contender(ServerProcess doh, ServerProcess backend, Path gcLog) {
      this.doh = doh;
      this.backend = backend;
      this.gcLog = gcLog;
    }

    @Override
    public void close() {
      doh.close();
      if (backend != null) {
        backend.close();
      }
    }
  }

  private Contender start(String contender, Path dir, List<String> extraJvm) throws IOException {
    if (!contender.equals(DNSDIST)) {
      Path gcLog = dir.resolve("gc.log");
      List<String> jvm = new ArrayList<>(List.of(GcWindow.jvmFlag(gcLog)));
      jvm.addAll(extraJvm);
      return new Contender(ServerProcess.doh(contender, serverJar, zone, Pinning.SERVER_CPU, jvm, dir), null, gcLog);
    }
    int zonePort = freePort();
    int dohPort = freePort();
    int dnsPort = freePort();
    ServerProcess backend = ServerProcess.other("zone", List.of(java(), "-cp", loadJar.toString(),
        LoadMain.class.getName(), "zone", "--listen", "127.0.0.1:" + zonePort, "--zone", zone.toString()),
        Pinning.CLIENT_CPU, new InetSocketAddress("127.0.0.1", zonePort), dir);
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    exec(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
        cert.toString(), "-days", "2", "-subj", "/CN=localhost"), dir.resolve("openssl.log"));
    Path conf = dir.resolve("dnsdist.conf");
    Files.writeString(conf, """
        -- protodec-doh-load: dnsdist as a peer; no network but loopback, no security polling
        setSecurityPollSuffix('')
        setLocal('127.0.0.1:%d')
        newServer({address='127.0.0.1:%d', healthCheckMode='lazy'})
        addDOHLocal('127.0.0.1:%d', '%s', '%s', '/dns-query')
        pc = newPacketCache(100000, {maxTTL=86400, minTTL=0})
        getPool(''):setCache(pc)
        """.formatted(dnsPort, zonePort, dohPort, cert, key));
    ServerProcess dnsdist;
    try {
      dnsdist = ServerProcess.other(DNSDIST, List.of(Pinning.which("dnsdist"), "--supervised", "--disable-syslog",
          "-C", conf.toString()), Pinning.SERVER_CPU, new InetSocketAddress("127.0.0.1", dohPort), dir);
    } catch (IOException e) {
      backend.close();
      throw e;
    }
    return new Contender(dnsdist, backend, null);
  }

  private static void exec(List<String> command, Path log) throws IOException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The median closed-loop GET req/s of the reflective server over the repeats, or 0. */
  private double reflectiveMaximum() {
    List<Double> values = new ArrayList<>();
    runs.forEach(r -> {
      if (r.path("scenario").asText().equals("closed-get") && r.path("server").asText().equals("reflective")
          && r.path("errors").asLong() == 0) {
        values.add(r.path("reqPerSec").asDouble());
      }
    });
    if (values.isEmpty()) {
      return 0;
    }
    values.sort(null);
    return values.get(values.size() / 2);
  }

  private static <T> List<T> rotate(List<T> list, int by) {
    List<T> out = new ArrayList<>(list);
    java.util.Collections.rotate(out, -(by % list.size()));
    return out;
  }

  private void note(String text) {
    notes.add(text);
    log("note: " + text);
  }

  private void writeSoFar() throws IOException {
    json.writeValue(out.resolve("load-result.partial.json").toFile(), root);
  }

  private static void log(String text) {
    System.out.println("== load: " + text);
    System.out.flush();
  }
}
