package io.jvcstreaming.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StickerFashionTest {

  private static final Instant T0 = Instant.parse("2026-11-25T21:00:00Z");

  @Test
  void oneStickerDominatesEachPeriodAndTheFavouriteChanges() {
    Set<String> favourites = new HashSet<>();
    for (int period = 0; period < 12; period++) {
      Instant at = T0.plusSeconds(period * StickerChoice.FASHION_SECONDS + 5);
      Map<String, Integer> counts = new HashMap<>();
      SplittableRandom r = new SplittableRandom(period);
      for (int i = 0; i < 900; i++) {
        counts.merge(StickerChoice.stickerCode(r, at), 1, Integer::sum);
      }
      String top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      // half the draws plus its share of the other half: about 500 of 900, the others about 50
      assertThat(counts.get(top)).as("period %d", period).isBetween(420, 580);
      assertThat(counts.keySet()).as("every code still appears").hasSize(Phrases.STICKER_CODES.size());
      favourites.add(top);
    }
    assertThat(favourites).as("the sticker of the moment changes").hasSizeGreaterThan(3);
  }

  @Test
  void sameSeedAndTimeSameSticker() {
    SplittableRandom a = new SplittableRandom(42);
    SplittableRandom b = new SplittableRandom(42);
    for (int i = 0; i < 50; i++) {
      assertThat(StickerChoice.stickerCode(a, T0.plusSeconds(i * 37)))
          .isEqualTo(StickerChoice.stickerCode(b, T0.plusSeconds(i * 37)));
    }
  }
}
