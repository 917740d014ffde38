package dev.protodec.reports.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protodec.reports.model.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code load-result.json} from {@code bin/load} (module {@code doh-load}). */
public final class LoadJsonReader {
    private final ObjectMapper mapper = new ObjectMapper();

    public LoadResult read(Path file) throws ReportInputException {
        if (Files.isDirectory(file)) {
            throw ReportInputException.notAFile(file);
        }
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw ReportInputException.malformedJson(file, e);
        } catch (IOException e) {
            throw ReportInputException.unreadable(file, e);
        }
        if (root == null || !root.isObject() || !root.path("runs").isArray()) {
            throw ReportInputException.badEntry(file, 0, "load result", "expected an object with a \"runs\" array");
        }
        List<LoadResult.Run> runs = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.path("runs")) {
            String server = r.path("server").asText("");
            String scenario = r.path("scenario").asText("");
            if (server.isEmpty() || scenario.isEmpty() || !r.path("reqPerSec").isNumber()) {
                throw ReportInputException.badEntry(file, i, "runs[" + i + "]", "needs server, scenario and reqPerSec");
            }
            List<double[]> percentiles = new ArrayList<>();
            for (JsonNode p : r.path("percentiles")) {
                percentiles.add(new double[] {p.path(0).asDouble(), p.path(1).asDouble()});
            }
            JsonNode lat = r.path("latencyMicros");
            JsonNode gc = r.path("gc");
            runs.add(new LoadResult.Run(scenario, r.path("kind").asText(""), r.path("method").asText(""), server,
                    r.path("repeat").asInt(1), r.path("reqPerSec").asDouble(), number(r.path("targetRate")),
                    r.path("requests").asLong(), r.path("errors").asLong(), number(lat.path("p50")),
                    number(lat.path("p99")), number(lat.path("p999")), number(r.path("bytesPerRequest")),
                    gc.isObject() ? gc.path("pauses").asInt() : -1, number(gc.path("totalMillis")),
                    number(gc.path("maxMillis")), r.path("check").path("checked").asLong(),
                    r.path("check").path("passed").asLong(), percentiles));
            i++;
        }
        List<LoadResult.Share> breakdown = new ArrayList<>();
        JsonNode b = root.path("breakdown");
        for (JsonNode row : b.path("rows")) {
            breakdown.add(new LoadResult.Share(row.path("category").asText(), row.path("samples").asLong(),
                    row.path("share").asDouble(), row.path("microsPerRequest").asDouble()));
        }
        String breakdownNote = b.isObject()
                ? b.path("samples").asLong() + " execution samples of the " + b.path("server").asText() + " server, "
                        + b.path("scenario").asText() + " at " + Math.round(b.path("reqPerSec").asDouble())
                        + " req/s (JFR, every " + b.path("samplePeriodMillis").asInt() + " ms); "
                        + b.path("rule").asText()
                : "";
        List<String> notes = new ArrayList<>();
        root.path("notes").forEach(n -> notes.add(n.asText().lines().findFirst().orElse("")));
        java.util.Set<String> notLevelled = new java.util.LinkedHashSet<>();
        for (JsonNode r : root.path("runs")) {
            JsonNode warm = r.path("warmUp");
            if (warm.isObject() && !warm.path("levelledOff").asBoolean(true)) {
                notLevelled.add(r.path("server").asText() + " (" + r.path("kind").asText() + " loop, repeat "
                        + r.path("repeat").asInt(1) + "): its warm-up had not levelled off after "
                        + warm.path("seconds").asInt() + " s (GET rounds " + warm.path("getRoundsReqPerSec")
                        + " req/s), so its figures may be those of a server still compiling");
            }
        }
        notes.addAll(notLevelled);
        for (JsonNode r : root.path("runs")) {
            double target = r.path("targetRate").asDouble(0);
            double sent = r.path("sentPerSec").asDouble(target);
            String run = r.path("server").asText() + " " + r.path("scenario").asText() + " (repeat "
                    + r.path("repeat").asInt(1) + "): ";
            if (target > 0 && (sent < target * MIN_SENT_SHARE || r.path("errors").asLong() > 0)) {
                notes.add(run + "the generator sent " + Math.round(sent) + " of "
                        + Math.round(target) + " req/s and " + r.path("errors").asLong() + " requests failed, so "
                        + "this row's latencies are not the server's alone");
            }
            long generatorPauses = r.path("generatorGc").path("pauses").asLong(0);
            if (generatorPauses > 0) {
                notes.add(run + "the load generator itself paused " + generatorPauses
                        + " time(s) for GC (" + r.path("generatorGc").path("totalMillis").asLong()
                        + " ms) during the run; requests due then count those pauses as latency");
            }
        }
        JsonNode w = root.path("workload");
        String workload = w.isObject()
                ? w.path("questions").asInt() + " distinct corpus questions in one root zone (" + w.path("zoneRecords")
                        .asInt() + " records), " + w.path("draws").asInt() + " Zipf draws (s = "
                        + w.path("zipfExponent").asDouble() + ", seed " + w.path("seed").asLong() + "); POST sends the "
                        + "most popular question (" + w.path("postQuestion").asText() + "); " + w.path("tls").asText()
                : "";
        return new LoadResult(file, root.path("mode").asText("?"), root.path("pinning").path("note").asText(""),
                workload, runs, breakdown, breakdownNote, notes);
    }

    /** An open-loop run that sent less than this share of its rate did not hold the rate. */
    static final double MIN_SENT_SHARE = 0.97;

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
