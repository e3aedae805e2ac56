package io.jvcstreaming.analytics.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The machine form of a {@link BatchReport}: one JSON object on one line,
 * {@code {"job","batchTime","posts","totalPosts","top":[{"key","count"[,"label"]}]}}; a trending list adds
 * {@code "windowMillis"} and a {@code "score"} per row (its rise, 0..1, 4 decimals), the pseudo job adds {@code "matches":[<post objects as on the wire>]}; {@code "keys"} is the
 * number of keys the count holds (state size), when known.
 */
public final class JsonFormatter {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonFormatter() {
  }

  public static String format(BatchReport r) {
    StringWriter out = new StringWriter(128 + r.rows().size() * 48);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("job", r.job());
      g.writeNumberField("batchTime", r.batchTime());
      g.writeNumberField("posts", r.batchPosts());
      g.writeNumberField("totalPosts", r.totalPosts());
      if (r.windowMillis() > 0) {
        g.writeNumberField("windowMillis", r.windowMillis());
      }
      if (r.keys() >= 0) {
        g.writeNumberField("keys", r.keys());
      }
      g.writeArrayFieldStart("top");
      for (ReportRow row : r.rows()) {
        g.writeStartObject();
        g.writeStringField("key", row.key());
        g.writeNumberField("count", row.count());
        if (row.score() != null) {
          g.writeNumberField("score", Math.round(row.score() * 10_000) / 10_000.0);
        }
        if (row.label() != null) {
          g.writeStringField("label", row.label());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      if (!r.matches().isEmpty()) {
        g.writeArrayFieldStart("matches");
        for (MatchedPost m : r.matches()) {
          g.writeRawValue(m.line());
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
