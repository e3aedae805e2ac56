package io.jvcstreaming.simulator.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jvcstreaming.simulator.markup.ForumUrls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * The embedded {@code window.jvc.forumsAppPayload} of spec §7: base64 of a gzip stream of UTF-8 JSON (the
 * format since 11 June 2026). GZIPOutputStream writes mtime 0, so the same JSON always yields the same bytes.
 */
public final class Payload {

  private static final JsonFactory JSON = new JsonFactory();

  /** Writes one JSON document. */
  @FunctionalInterface
  public interface JsonWriter {
    void write(JsonGenerator g) throws IOException;
  }

  private Payload() {
  }

  public static String encode(JsonWriter writer) {
    try {
      ByteArrayOutputStream gz = new ByteArrayOutputStream(8192);
      try (GZIPOutputStream out = new GZIPOutputStream(gz, 8192); JsonGenerator g = JSON.createGenerator(out)) {
        writer.write(g);
      }
      return Base64.getEncoder().encodeToString(gz.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void appendScript(StringBuilder sb, String base64) {
    sb.append("<script>window.jvc=window.jvc||{};window.jvc.forumsAppPayload=\"").append(base64).append("\";</script>\n");
  }

  /** {@code "pagerView"} object: current, count, the partial page list, and first/prev/next/last (null when absent). */
  public static void writePager(JsonGenerator g, Pagination pagination, int current, int last,
                                java.util.function.IntFunction<String> url) throws IOException {
    g.writeObjectFieldStart("pagerView");
    g.writeNumberField("currentPage", current);
    g.writeNumberField("pageCount", last);
    g.writeArrayFieldStart("pages");
    for (int p : pagination.linkedPages()) {
      writePageRef(g, p, url);
    }
    g.writeEndArray();
    g.writeFieldName("first");
    writePageRefOrNull(g, current > 1, 1, url);
    g.writeFieldName("prev");
    writePageRefOrNull(g, current > 1, current - 1, url);
    g.writeFieldName("next");
    writePageRefOrNull(g, current < last, current + 1, url);
    g.writeFieldName("last");
    writePageRefOrNull(g, current < last, last, url);
    g.writeEndObject();
  }

  private static void writePageRefOrNull(JsonGenerator g, boolean present, int page,
                                         java.util.function.IntFunction<String> url) throws IOException {
    if (present) {
      writePageRef(g, page, url);
    } else {
      g.writeNull();
    }
  }

  private static void writePageRef(JsonGenerator g, int page, java.util.function.IntFunction<String> url)
      throws IOException {
    g.writeStartObject();
    g.writeNumberField("pageNumber", page);
    g.writeStringField("url", url.apply(page));
    g.writeEndObject();
  }

  public static void writeForum(JsonGenerator g, boolean readOnly, String lockReason) throws IOException {
    g.writeObjectFieldStart("forum");
    g.writeNumberField("id", ForumUrls.FORUM_ID);
    g.writeStringField("name", ForumUrls.FORUM_NAME);
    g.writeBooleanField("isForumReadOnly", readOnly);
    g.writeStringField("lockReason", lockReason);
    g.writeNumberField("statusCode", 200);
    g.writeEndObject();
  }
}
