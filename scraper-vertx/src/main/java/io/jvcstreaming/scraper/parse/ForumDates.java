package io.jvcstreaming.scraper.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Forum dates (spec §5): {@code "02 juin 2026 à 22:25:06"} in Europe/Paris local time, day possibly unpadded
 * ({@code "2 juin ..."}), {@code à} literal or still entity-encoded ({@code &agrave;}), {@code &nbsp;} tolerated.
 */
final class ForumDates {

  /** The forum prints Paris wall-clock time without offset. */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static final Pattern DATE = Pattern.compile(
      "(\\d{1,2})(?:er)?\\s+([\\p{L}]+)\\.?\\s+(\\d{4})\\s+(?:à|a|&agrave;|&#224;|&#xe0;)\\s+(\\d{1,2})[:h](\\d{2})(?::(\\d{2}))?",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("janvier", 1), Map.entry("janv", 1),
      Map.entry("février", 2), Map.entry("fevrier", 2), Map.entry("févr", 2), Map.entry("fevr", 2),
      Map.entry("mars", 3),
      Map.entry("avril", 4), Map.entry("avr", 4),
      Map.entry("mai", 5),
      Map.entry("juin", 6),
      Map.entry("juillet", 7), Map.entry("juil", 7),
      Map.entry("août", 8), Map.entry("aout", 8),
      Map.entry("septembre", 9), Map.entry("sept", 9),
      Map.entry("octobre", 10), Map.entry("oct", 10),
      Map.entry("novembre", 11), Map.entry("nov", 11),
      Map.entry("décembre", 12), Map.entry("decembre", 12), Map.entry("déc", 12), Map.entry("dec", 12));

  private ForumDates() {
  }

  /**
   * Parses a forum date.
   *
   * @throws DateTimeParseException if the text holds no date in the forum's format or the date does not exist
   */
  public static Instant parse(String frenchDate) throws DateTimeParseException {
    if (frenchDate == null) {
      throw new DateTimeParseException("no date", "", 0);
    }
    Instant printed = asPrinted(frenchDate);
    return printed != null ? printed : viaPattern(frenchDate);
  }

  /** The regex's reading of any form the spec allows ({@link #parse}'s answer where {@link #asPrinted} has none). */
  static Instant viaPattern(String frenchDate) throws DateTimeParseException {
    String s = frenchDate.indexOf('\u00a0') >= 0 ? frenchDate.replace('\u00a0', ' ') : frenchDate;
    Matcher m = DATE.matcher(s);
    if (!m.find()) {
      throw new DateTimeParseException("not a forum date: " + abbreviate(frenchDate), frenchDate, 0);
    }
    Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
    if (month == null) {
      throw new DateTimeParseException("unknown month: " + m.group(2), frenchDate, m.start(2));
    }
    try {
      LocalDateTime local = LocalDateTime.of(
          Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
          m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      return local.atZone(PARIS).toInstant();
    } catch (DateTimeException e) {
      throw new DateTimeParseException("invalid date: " + abbreviate(frenchDate), frenchDate, m.start(), e);
    }
  }

  /**
   * The form the forum prints, {@code "05 août 2026 à 23:29:30"} and nothing around it, read without the regex (a
   * match per post was a twentieth of a topic page's parse); the regex's own answer for it, by construction: the
   * same groups at the same places. Null for every other form (and for a month or a date that does not exist),
   * which the regex then reads, or refuses with its message.
   */
  static Instant asPrinted(String s) {
    int n = s.length();
    if (n < 22 || !digits(s, 0, 2) || s.charAt(2) != ' ') {
      return null;
    }
    int monthEnd = 3;
    while (monthEnd < n && Character.isLetter(s.charAt(monthEnd))) {
      monthEnd++;
    }
    int y = monthEnd + 1;
    if (monthEnd == 3 || n != y + 15 || s.charAt(monthEnd) != ' ' || !digits(s, y, 4)
        || !s.startsWith(" \u00e0 ", y + 4) || !digits(s, y + 7, 2) || s.charAt(y + 9) != ':'
        || !digits(s, y + 10, 2) || s.charAt(y + 12) != ':' || !digits(s, y + 13, 2)) {
      return null;
    }
    Integer month = MONTHS.get(s.substring(3, monthEnd).toLowerCase(Locale.ROOT));
    if (month == null) {
      return null;
    }
    try {
      // the digits are checked above: parseInt (which would take a sign) cannot fail on them
      return LocalDateTime.of(Integer.parseInt(s, y, y + 4, 10), month, Integer.parseInt(s, 0, 2, 10),
          Integer.parseInt(s, y + 7, y + 9, 10), Integer.parseInt(s, y + 10, y + 12, 10),
          Integer.parseInt(s, y + 13, y + 15, 10)).atZone(PARIS).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean digits(String s, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@link #parse(String)} or null. */
  static Instant parseOrNull(String frenchDate) {
    if (frenchDate == null || frenchDate.isEmpty()) {
      return null;
    }
    try {
      return parse(frenchDate);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
