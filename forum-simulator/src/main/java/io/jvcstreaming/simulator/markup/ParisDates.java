package io.jvcstreaming.simulator.markup;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The forum's date formats (spec §5), all in Europe/Paris local time with no offset printed. */
public final class ParisDates {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static final String[] MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
      "septembre", "octobre", "novembre", "décembre"};
  private static final String[] SHORT_MONTHS = {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août",
      "sept.", "oct.", "nov.", "déc."};

  private ParisDates() {
  }

  /** {@code 02 juin 2026 à 22:25:06}: raw UTF-8, as in the date span and the payload. */
  public static String full(Instant instant) {
    ZonedDateTime t = instant.atZone(PARIS);
    return pad(t.getDayOfMonth()) + ' ' + MONTHS[t.getMonthValue() - 1] + ' ' + t.getYear() + " à "
        + pad(t.getHour()) + ':' + pad(t.getMinute()) + ':' + pad(t.getSecond());
  }

  /** The same date entity-encoded, as the forum writes it inside attributes and bodies. */
  public static String fullEncoded(Instant instant) {
    return Html.escapeBody(full(instant));
  }

  /** {@code 27-07-2026 13:59:20}: the creation date in the topic page's {@code <title>}. */
  public static String dashed(Instant instant) {
    ZonedDateTime t = instant.atZone(PARIS);
    return pad(t.getDayOfMonth()) + '-' + pad(t.getMonthValue()) + '-' + t.getYear() + ' '
        + pad(t.getHour()) + ':' + pad(t.getMinute()) + ':' + pad(t.getSecond());
  }

  /** The list's relative "last activity" text: {@code 12 min}, {@code 1 h}, {@code 3 j}, {@code 25 juil.}. */
  public static String relative(Instant then, Instant now) {
    long minutes = Math.max(0, Duration.between(then, now).toMinutes());
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 24 * 60) {
      return minutes / 60 + " h";
    }
    if (minutes < 30L * 24 * 60) {
      return minutes / (24 * 60) + " j";
    }
    ZonedDateTime t = then.atZone(PARIS);
    return t.getDayOfMonth() + " " + SHORT_MONTHS[t.getMonthValue() - 1];
  }

  private static String pad(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
