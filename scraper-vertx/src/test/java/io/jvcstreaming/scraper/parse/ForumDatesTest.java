package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class ForumDatesTest {

  @Test
  void parsesASummerDateAsCest() {
    assertThat(ForumDates.parse("02 juin 2026 à 22:25:06")).isEqualTo(Instant.parse("2026-06-02T20:25:06Z"));
  }

  @Test
  void parsesAWinterDateAsCet() {
    assertThat(ForumDates.parse("25 novembre 2026 à 21:04:33")).isEqualTo(Instant.parse("2026-11-25T20:04:33Z"));
  }

  @Test
  void parsesAnUnpaddedDay() {
    assertThat(ForumDates.parse("2 juin 2026 à 22:25:06")).isEqualTo(Instant.parse("2026-06-02T20:25:06Z"));
  }

  @Test
  void parsesTheEntityEncodedAndTheDecodedAgrave() {
    Instant expected = Instant.parse("2026-07-27T11:59:20Z");
    assertThat(ForumDates.parse("27 juillet 2026 &agrave; 13:59:20")).isEqualTo(expected);
    assertThat(ForumDates.parse("27 juillet 2026 \u00e0 13:59:20")).isEqualTo(expected);
  }

  @Test
  void parsesEveryMonthWithItsAccents() {
    String[] months = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"};
    for (int i = 0; i < months.length; i++) {
      Instant at = ForumDates.parse("15 " + months[i] + " 2026 à 12:00:00");
      assertThat(at.atZone(ForumDates.PARIS).getMonthValue()).as(months[i]).isEqualTo(i + 1);
    }
  }

  @Test
  void switchesOffsetAtTheDaylightSavingTransitions() {
    assertThat(ForumDates.parse("29 mars 2026 à 01:59:59")).isEqualTo(Instant.parse("2026-03-29T00:59:59Z"));
    assertThat(ForumDates.parse("29 mars 2026 à 03:00:00")).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    assertThat(ForumDates.parse("25 octobre 2026 à 03:00:00")).isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
  }

  @Test
  void toleratesSurroundingAndNoBreakSpaces() {
    assertThat(ForumDates.parse("  01\u00a0janvier 2027 \u00e0 00:00:01\n"))
        .isEqualTo(Instant.parse("2026-12-31T23:00:01Z"));
  }

  @Test
  void rejectsTextThatIsNotADate() {
    assertThatThrownBy(() -> ForumDates.parse("12 min")).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> ForumDates.parse("")).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> ForumDates.parse(null)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> ForumDates.parse("31 février 2026 à 10:00:00"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> ForumDates.parse("02 brumaire 2026 à 10:00:00"))
        .isInstanceOf(DateTimeParseException.class);
  }

  /**
   * The printed form's reader without the regex answers as the regex does: on every printed date of a run of days
   * (both daylight-saving transitions included) and on mutants of them (a character replaced, dropped or doubled).
   */
  @Test
  void readsThePrintedFormAsTheRegexDoes() {
    String[] months = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"};
    String alphabet = "0123456789 :hàÀa.eé\u00a0xJ";
    java.util.SplittableRandom random = new java.util.SplittableRandom(12);
    int fast = 0;
    for (int n = 0; n < 20_000; n++) {
      String date = String.format("%02d %s %04d à %02d:%02d:%02d", random.nextInt(0, 33), months[random.nextInt(12)],
          random.nextInt(2024, 2028), random.nextInt(0, 25), random.nextInt(0, 61), random.nextInt(0, 61));
      if (random.nextInt(3) == 0) {
        StringBuilder m = new StringBuilder(date);
        int at = random.nextInt(m.length());
        switch (random.nextInt(3)) {
          case 0 -> m.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> m.deleteCharAt(at);
          default -> m.insert(at, m.charAt(at));
        }
        date = m.toString();
      }
      Object viaPattern;
      try {
        viaPattern = ForumDates.viaPattern(date);
      } catch (DateTimeParseException e) {
        viaPattern = "refused";
      }
      Object parsed;
      try {
        parsed = ForumDates.parse(date);
      } catch (DateTimeParseException e) {
        parsed = "refused";
      }
      assertThat(parsed).as(date).isEqualTo(viaPattern);
      if (ForumDates.asPrinted(date) != null) {
        fast++;
        assertThat(ForumDates.asPrinted(date)).as(date).isEqualTo(viaPattern);
      }
    }
    assertThat(fast).isGreaterThan(5_000); // the printed form is read without the regex
    assertThat(ForumDates.asPrinted("05 mai 2026 à 23:29:30")).isEqualTo(Instant.parse("2026-05-05T21:29:30Z"));
  }
}
