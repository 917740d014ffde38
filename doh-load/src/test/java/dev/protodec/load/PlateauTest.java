package dev.protodec.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlateauTest {
  @Test
  void aRisingServerIsWarmOnlyOnceARoundFailsToBeatTheBestByFivePercent() {
    Plateau p = new Plateau();
    for (double rate : new double[] {3_000, 11_000, 42_000, 72_000, 86_000}) {
      assertFalse(p.add(rate), "still rising at " + rate);
    }
    assertTrue(p.add(79_000));
    assertEquals(List.of(3_000.0, 11_000.0, 42_000.0, 72_000.0, 86_000.0, 79_000.0), p.rates());
  }

  @Test
  void aFlatServerNeedsThreeRoundsAndAFivePercentRiseIsStillRising() {
    Plateau p = new Plateau();
    assertFalse(p.add(80_000));
    assertFalse(p.add(70_000), "two rounds are not enough");
    assertFalse(p.add(84_100), "more than 5% above the best");
    assertTrue(p.add(88_000), "within 5% of 84,100");
  }
}
