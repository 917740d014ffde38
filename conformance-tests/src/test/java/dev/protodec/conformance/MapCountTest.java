package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.protodec.conformance.fast.proto3.AllTypes3;
import org.junit.jupiter.api.Test;

/** A map's {@code getXCount()} counts distinct keys in place, below and above its pairwise limit (16). */
class MapCountTest {

  @Test
  void countIsTheNumberOfDistinctKeysForSmallAndLargeMaps() {
    for (int entries : new int[] {0, 1, 2, 5, 16, 17, 40, 1000}) {
      for (int distinct : new int[] {1, 3, entries}) {
        if (distinct == 0 && entries > 0 || distinct > entries && entries > 0) {
          continue;
        }
        AllTypes3 message = AllTypes3.newInstance();
        for (int i = 0; i < entries; i++) {
          message.putMapStringString().setKey("k" + (i % Math.max(1, distinct))).setValue("v" + i);
          message.putMapInt64Int64().setKey(i % Math.max(1, distinct)).setValue(i);
        }
        String context = entries + " entries, " + distinct + " distinct keys";
        assertEquals(message.getMapStringStringMap().size(), message.getMapStringStringCount(), context);
        assertEquals(message.getMapInt64Int64Map().size(), message.getMapInt64Int64Count(), context);
      }
    }
  }

  @Test
  void boolKeysHaveAtMostTwoDistinct() {
    AllTypes3 message = AllTypes3.newInstance();
    for (int i = 0; i < 20; i++) {
      message.putMapBoolBool().setKey(i % 2 == 0).setValue(true);
    }
    assertEquals(2, message.getMapBoolBoolCount());
  }
}
