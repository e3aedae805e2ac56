package io.jvcstreaming.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration format of every module: a number and a unit, {@code 500ms}, {@code 3s}, {@code 1.5s}, {@code 5m},
 * {@code 1h}, {@code 30d}. Also accepted, as each module accepted before: {@code min} for minutes and a bare number,
 * meaning seconds.
 */
public final class Durations {

  public static final String FORMAT = "a duration such as 500ms, 3s, 5m, 1h, 30d";

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d)?");

  private Durations() {
  }

  /** @throws IllegalArgumentException saying the format, when {@code raw} is not a duration */
  public static Duration parse(String raw) {
    Matcher m = DURATION.matcher(raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("expected " + FORMAT + ", got '" + raw + "'");
    }
    double n = Double.parseDouble(m.group(1));
    double millis = switch (m.group(2) == null ? "s" : m.group(2)) {
      case "ms" -> n;
      case "s" -> n * 1_000;
      case "m", "min" -> n * 60_000;
      case "h" -> n * 3_600_000;
      default -> n * 86_400_000;
    };
    return Duration.ofMillis(Math.round(millis));
  }

  /** The shortest exact form in the same format ({@code 90s}, {@code 500ms}, {@code 30d}). */
  public static String format(Duration d) {
    long ms = d.toMillis();
    long[] units = {86_400_000, 3_600_000, 60_000, 1_000};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (ms != 0 && ms % units[i] == 0) {
        return ms / units[i] + names[i];
      }
    }
    return ms + "ms";
  }
}
