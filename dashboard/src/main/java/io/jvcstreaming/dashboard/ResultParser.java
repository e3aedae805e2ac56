package io.jvcstreaming.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Turns one POSTed batch report ({@code JsonFormatter} in spark-analytics) into the normalized object the
 * dashboard stores and pushes: only the known fields, bounded sizes, an ISO {@code batchTime} whatever the
 * job sent (epoch millis or ISO), and for sticker jobs an {@code image} flag saying whether the key may be
 * shown as an image. Unknown fields are dropped (writers may add some; the pseudo job's {@code matches}
 * would only bloat every push).
 */
final class ResultParser {

  static final Pattern JOB = Pattern.compile("[a-z][a-z0-9-]{0,63}");
  static final int MAX_ROWS = 500;
  static final int MAX_KEY_CHARS = 2048;
  static final int MAX_LABEL_CHARS = 300;

  private ResultParser() {
  }

  public static JsonObject parse(Buffer body, Instant receivedAt) throws InvalidResultException {
    if (body == null || body.length() == 0) {
      throw new InvalidResultException("empty body: expected a JSON object {job, batchTime, posts, top}");
    }
    JsonObject in;
    try {
      in = new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw new InvalidResultException("not a JSON object: " + shorten(e.getMessage()));
    }
    return normalize(in, receivedAt);
  }

  static JsonObject normalize(JsonObject in, Instant receivedAt) throws InvalidResultException {
    Object jobValue = in.getValue("job");
    if (!(jobValue instanceof String job) || !JOB.matcher(job).matches()) {
      throw new InvalidResultException("field 'job': expected a job name matching " + JOB.pattern()
          + ", got " + describe(jobValue));
    }
    JsonObject out = new JsonObject()
        .put("job", job)
        .put("batchTime", batchTime(in.getValue("batchTime")).toString())
        .put("posts", nonNegativeLong(in, "posts", true));
    Long totalPosts = nonNegativeLong(in, "totalPosts", false);
    if (totalPosts != null) {
      out.put("totalPosts", totalPosts);
    }
    Long window = nonNegativeLong(in, "windowMillis", false);
    if (window != null) {
      out.put("windowMillis", window);
    }
    Object topValue = in.getValue("top");
    if (!(topValue instanceof JsonArray top)) {
      throw new InvalidResultException("field 'top': expected an array of {key, count}, got " + describe(topValue));
    }
    if (top.size() > MAX_ROWS) {
      throw new InvalidResultException("field 'top': at most " + MAX_ROWS + " rows, got " + top.size());
    }
    boolean stickers = isStickerJob(job);
    JsonArray rows = new JsonArray();
    for (int i = 0; i < top.size(); i++) {
      rows.add(row(top.getValue(i), i, stickers));
    }
    out.put("top", rows);
    out.put("receivedAt", receivedAt.toString());
    return out;
  }

  public static boolean isStickerJob(String job) {
    return job.equals("stickers") || job.startsWith("stickers-");
  }

  public static boolean isTopicJob(String job) {
    return job.equals("topics") || job.startsWith("topics-");
  }

  private static JsonObject row(Object value, int index, boolean stickers) throws InvalidResultException {
    String where = "top[" + index + "]";
    if (!(value instanceof JsonObject r)) {
      throw new InvalidResultException(where + ": expected an object {key, count}, got " + describe(value));
    }
    Object key = r.getValue("key");
    if (!(key instanceof String k) || k.isEmpty() || k.length() > MAX_KEY_CHARS) {
      throw new InvalidResultException(where + ".key: expected a string of 1.." + MAX_KEY_CHARS
          + " characters, got " + describe(key));
    }
    Long count = nonNegativeLong(r, "count", true, where + ".count");
    JsonObject out = new JsonObject().put("key", k).put("count", count);
    Object score = r.getValue("score");
    if (score != null) {
      // A trending row's rise (spark-analytics Rise): a share, 0..1.
      if (!(score instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
        throw new InvalidResultException(where + ".score: expected a number in 0..1, got " + describe(score));
      }
      out.put("score", n.doubleValue());
    }
    Object label = r.getValue("label");
    if (label instanceof String l && !l.isEmpty()) {
      out.put("label", l.length() > MAX_LABEL_CHARS ? l.substring(0, MAX_LABEL_CHARS) : l);
    }
    if (stickers) {
      // Flagged, not dropped: the count is still true, only the picture is withheld.
      out.put("image", UrlPolicy.isAllowedImage(k));
    }
    return out;
  }

  private static Instant batchTime(Object value) throws InvalidResultException {
    if (value instanceof Number n) {
      long millis = n.longValue();
      if (millis < 0 || n.doubleValue() != millis) {
        throw new InvalidResultException("field 'batchTime': expected epoch millis >= 0 or an ISO-8601 instant, got "
            + describe(value));
      }
      return Instant.ofEpochMilli(millis);
    }
    if (value instanceof String s) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        try {
          return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e2) {
          // reported below
        }
      }
    }
    throw new InvalidResultException("field 'batchTime': expected epoch millis or an ISO-8601 instant such as "
        + "2026-11-25T21:04:33Z, got " + describe(value));
  }

  private static Long nonNegativeLong(JsonObject o, String field, boolean required) throws InvalidResultException {
    return nonNegativeLong(o, field, required, "field '" + field + "'");
  }

  private static Long nonNegativeLong(JsonObject o, String field, boolean required, String where)
      throws InvalidResultException {
    Object v = o.getValue(field);
    if (v == null && !required) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() == Math.floor(n.doubleValue())
        && n.doubleValue() <= Long.MAX_VALUE) {
      return n.longValue();
    }
    throw new InvalidResultException(where + ": expected an integer >= 0, got " + describe(v));
  }

  private static String describe(Object v) {
    if (v == null) {
      return "nothing";
    }
    if (v instanceof String s) {
      return "\"" + shorten(s) + "\"";
    }
    if (v instanceof JsonObject) {
      return "an object";
    }
    if (v instanceof JsonArray) {
      return "an array";
    }
    return shorten(String.valueOf(v));
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
