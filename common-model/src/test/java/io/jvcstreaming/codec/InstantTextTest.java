package io.jvcstreaming.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written shape must give exactly what DateTimeFormatter gives, value for value and error for error. */
class InstantTextTest {

  private static final ZoneId[] ZONES = {PostCodec.FORUM_ZONE, ZoneId.of("UTC"), ZoneId.of("America/St_Johns"),
      ZoneId.of("Asia/Kathmandu"), ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Africa/Monrovia")};

  @Test
  void formatsEveryInstantAsTheIsoFormatterDoes() {
    Random random = new Random(51);
    for (int i = 0; i < 300_000; i++) {
      long second = random.nextLong() % 5_000_000_000L; // about 1811 to 2128: both DST rules and none
      int nano = random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0;
      Instant instant = Instant.ofEpochSecond(second, nano);
      ZoneId zone = ZONES[random.nextInt(ZONES.length)];
      assertThat(InstantText.format(instant, zone))
          .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime()));
    }
  }

  @Test
  void parsesWhatItFormatsAndMutationsOfItAsOffsetDateTimeDoes() {
    Random random = new Random(7);
    String alphabet = "0123456789-+:TZtz.";
    for (int i = 0; i < 300_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong() % 5_000_000_000L,
          random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0);
      StringBuilder text = new StringBuilder(InstantText.format(instant, ZONES[random.nextInt(ZONES.length)]));
      int mutations = random.nextInt(3); // none, then one or two characters replaced, inserted or removed
      for (int m = 0; m < mutations && text.length() > 0; m++) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(3)) {
          case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> text.deleteCharAt(at);
        }
      }
      assertSameAsOffsetDateTime(text.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-25T21:04:33+01:00", "2026-11-25T20:04:33Z", "2026-11-25T21:04:33.5+01:00",
      "2026-11-25T21:04:33.123456789-03:30", "2026-11-25t21:04:33z", "2026-11-25T21:04+01:00",
      "2026-11-25T21:04:33+01:00:00", "2026-04-31T21:04:33+01:00", "2026-02-29T21:04:33Z", "2024-02-29T21:04:33Z",
      "2026-11-25T24:00:00Z", "2026-11-25T23:59:60Z", "2026-11-25T21:04:33+19:00", "2026-11-25T21:04:33-00:00",
      "2026-11-25T21:04:33.+01:00", "2026-11-25T21:04:33.1234567890Z", "+12026-11-25T21:04:33Z",
      "2026-11-25T21:04:33", "2026-11-25 21:04:33+01:00", "", "2026-1-25T21:04:33Z", "٢٠٢٦-11-25T21:04:33Z"})
  void awkwardShapesParseOrFailLikeOffsetDateTime(String text) {
    assertSameAsOffsetDateTime(text);
  }

  private static void assertSameAsOffsetDateTime(String text) {
    Instant expected;
    try {
      expected = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> InstantText.parse(text)).as(text)
          .isInstanceOf(DateTimeParseException.class);
      return;
    }
    assertThat(InstantText.parse(text)).as(text).isEqualTo(expected);
  }
}
