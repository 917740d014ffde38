package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Message;
import dev.protodec.conformance.proto2.AllTypesProto2.AllTypes2;
import dev.protodec.conformance.proto3.AllTypes3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * (f) Malformed and unusual input: protodec reaches protobuf-java's verdict on thousands of inputs
 * derived from valid encodings (truncated at every length, single bytes replaced, bits flipped, bytes
 * inserted and deleted), on random garbage, and on descriptor-driven odd-but-mostly-valid wire data.
 * Both accept (and then made the same message) or both reject (protodec with an
 * InvalidProtobufException naming the offset); never any other exception.
 */
class MalformedInputTest {
  enum Target {
    PROTO3(AllTypes3.getDefaultInstance()),
    PROTO2(AllTypes2.getDefaultInstance()),
    DESCRIPTOR(FileDescriptorProto.getDefaultInstance()),
    EDITIONS_2023(dev.protodec.conformance.editions2023.Editions2023.getDefaultInstance()),
    EDITIONS_2024(dev.protodec.conformance.editions2024.Editions2024.getDefaultInstance());

    final Message prototype;

    Target(Message prototype) {
      this.prototype = prototype;
    }
  }

  static final int SEED_MESSAGES = 20;
  static final int MAX_SEED_SIZE = 400;

  @ParameterizedTest
  @EnumSource(Target.class)
  void sameVerdictAsProtobufJava(Target target) {
    Random random = new Random(0xBAD_DA7AL + target.ordinal());
    FastType fast = FastType.of(target.prototype);
    // sparse, shallow messages make small seeds, so that every truncation and mutation is cheap
    RandomFiller filler = new RandomFiller(random.nextLong(),
        RandomFiller.Options.full().withMaxDepth(2).withMessageBudget(4).withFieldPercent(8));

    List<byte[]> seeds = new ArrayList<>();
    for (int attempt = 0; seeds.size() < SEED_MESSAGES; attempt++) {
      byte[] bytes = filler.next(target.prototype).toByteArray();
      if (bytes.length > 0 && bytes.length <= MAX_SEED_SIZE) {
        seeds.add(bytes);
      }
      assertTrue(attempt < 10_000, "the filler makes no small messages");
    }

    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    Map<String, Boolean> categoriesReported = new LinkedHashMap<>();
    Map<KnownDisagreement, String> knownSeen = new LinkedHashMap<>();
    int[] accepted = {0};
    Case check = (kind, input) -> {
      counts.merge(kind, 1, Integer::sum);
      Verdict.Result result = Verdict.judge(target.prototype, fast, input);
      Verdict.Disagreement d = result.disagreement();
      if (d == null) {
        accepted[0] += result.bothAccepted() ? 1 : 0;
        return;
      }
      KnownDisagreement known = KnownDisagreement.matching(target.prototype, d);
      if (known != null) {
        knownSeen.putIfAbsent(known, kind + " input " + Hex.of(input));
        return;
      }
      // report each category once, with a shrunk input
      if (categoriesReported.putIfAbsent(d.category(), true) == null) {
        byte[] small = Verdict.minimize(target.prototype, fast, input, d.category());
        failures.add(d + "\n    from " + kind + " input " + Hex.of(input)
            + "\n    shrunk to " + Hex.of(small) + " -> " + Verdict.compare(target.prototype, fast, small));
      } else {
        failures.add(d.category() + " (again, " + kind + ")");
      }
    };

    for (byte[] seed : seeds) {
      check.run("valid", seed);
      for (int length = 0; length < seed.length; length++) {
        check.run("truncated", java.util.Arrays.copyOf(seed, length));
      }
      for (int i = 0; i < 60; i++) {
        byte[] mutated = seed.clone();
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
        check.run("byte replaced", mutated);
      }
      for (int i = 0; i < 60; i++) {
        byte[] mutated = seed.clone();
        mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
        check.run("bit flipped", mutated);
      }
      for (int i = 0; i < 40; i++) {
        int at = random.nextInt(seed.length + 1);
        byte[] mutated = new byte[seed.length + 1];
        System.arraycopy(seed, 0, mutated, 0, at);
        mutated[at] = (byte) random.nextInt(256);
        System.arraycopy(seed, at, mutated, at + 1, seed.length - at);
        check.run("byte inserted", mutated);
      }
      for (int i = 0; i < 20; i++) {
        int at = random.nextInt(seed.length);
        byte[] mutated = new byte[seed.length - 1];
        System.arraycopy(seed, 0, mutated, 0, at);
        System.arraycopy(seed, at + 1, mutated, at, seed.length - at - 1);
        check.run("byte deleted", mutated);
      }
    }
    for (int i = 0; i < 500; i++) {
      byte[] garbage = new byte[1 + random.nextInt(48)];
      random.nextBytes(garbage);
      check.run("random garbage", garbage);
    }
    WireFuzzer fuzzer = new WireFuzzer(random);
    for (int i = 0; i < 2500; i++) {
      byte[] odd = fuzzer.message(target.prototype.getDescriptorForType(), 0);
      check.run("odd wire data", odd);
      if (odd.length > 0 && i % 3 == 0) {
        byte[] mutated = odd.clone();
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
        check.run("odd wire data, byte replaced", mutated);
      }
    }

    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    String summary = target + ": " + total + " inputs " + counts + ", " + accepted[0] + " accepted by both";
    System.out.println(summary);
    knownSeen.forEach((known, example) ->
        System.out.println("  known: " + known + " (" + known.description + "), e.g. " + example));
    // a known bug that no longer shows has been fixed: it must leave the list, so that it is tested again
    for (KnownDisagreement known : KnownDisagreement.values()) {
      if (known.alwaysSeenIn(target.prototype)) {
        assertTrue(knownSeen.containsKey(known),
            () -> "known bug " + known + " no longer reproduces: remove it from KnownDisagreement");
      }
    }
    assertTrue(total >= 3000, summary);
    assertTrue(accepted[0] > total / 10 && accepted[0] < total * 9 / 10,
        "both verdicts should be well represented: " + summary);
    assertTrue(failures.isEmpty(), () -> failures.size() + " disagreement(s) with protobuf-java; "
        + summary + "\n  " + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
  }

  @FunctionalInterface
  interface Case {
    void run(String kind, byte[] input);
  }
}
