package io.jvcstreaming.simulator.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Conditional requests (RFC 9110 §13) on the forum pages' validators: whether a 304 answers. */
final class Conditional {

  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private Conditional() {
  }

  /** {@code ifNoneMatch} and {@code ifModifiedSince} are the raw request headers, null when absent. */
  static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, long lastModifiedMillis) {
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
          t = t.substring(2);
        }
        if (t.equals(etag) || t.equals("*")) {
          return true;
        }
      }
      return false; // If-None-Match takes precedence over If-Modified-Since (RFC 9110)
    }
    if (ifModifiedSince != null) {
      try {
        long since = ZonedDateTime.parse(ifModifiedSince.trim(), HTTP_DATE).toInstant().toEpochMilli();
        return lastModifiedMillis <= since;
      } catch (DateTimeParseException e) {
        return false;
      }
    }
    return false;
  }

  static String httpDate(long millis) {
    return HTTP_DATE.format(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC));
  }
}
