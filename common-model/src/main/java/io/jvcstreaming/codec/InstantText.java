package io.jvcstreaming.codec;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 date-times with an offset, as the stream carries them ({@code 2026-11-25T21:04:33+01:00}): the one shape
 * the codec writes is formatted and parsed by hand, anything else goes through {@link DateTimeFormatter}, so the
 * results (and the errors) are exactly {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}'s. Why: the formatter's
 * general parser was a quarter of the Spark receiver's CPU, and formatting a third of encoding a post.
 */
final class InstantText {

  private InstantText() {
  }

  /** {@code ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime())}. */
  static String format(Instant instant, ZoneId zone) {
    ZoneOffset offset = zone.getRules().getOffset(instant);
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset);
    if (instant.getNano() != 0 || t.getYear() < 0 || t.getYear() > 9999 || offset.getTotalSeconds() % 60 != 0) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
    }
    char[] c = new char[25];
    put(c, 0, t.getYear(), 4);
    c[4] = '-';
    put(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    put(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    put(c, 11, t.getHour(), 2);
    c[13] = ':';
    put(c, 14, t.getMinute(), 2);
    c[16] = ':';
    put(c, 17, t.getSecond(), 2);
    int total = offset.getTotalSeconds();
    if (total == 0) {
      c[19] = 'Z';
      return new String(c, 0, 20);
    }
    c[19] = total < 0 ? '-' : '+';
    int minutes = Math.abs(total) / 60;
    put(c, 20, minutes / 60, 2);
    c[22] = ':';
    put(c, 23, minutes % 60, 2);
    return new String(c);
  }

  /** {@code OffsetDateTime.parse(text).toInstant()}, with its exceptions. */
  static Instant parse(String text) {
    Instant fast = parseCommonShape(text);
    return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, or null for anything else (the general parser decides). */
  private static Instant parseCommonShape(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int len = i - start;
      if (len == 0 || len > 9) {
        return null;
      }
      nanos = digits(s, start, len);
      for (int k = len; k < 9; k++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int hours = digits(s, i + 1, 2);
      int mins = digits(s, i + 4, 2);
      if ((hours | mins) < 0 || hours > 18 || mins > 59) {
        return null;
      }
      int sign = s.charAt(i) == '-' ? -1 : 1;
      try {
        offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * mins);
      } catch (DateTimeException e) {
        return null;
      }
    } else {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
    } catch (DateTimeException e) {
      return null; // out of range: the general parser says why
    }
  }

  /** The ASCII digits {@code s[from, from+count)} as a number, or -1 when one is not a digit. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  private static void put(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
