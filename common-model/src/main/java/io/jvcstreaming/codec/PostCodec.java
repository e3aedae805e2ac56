package io.jvcstreaming.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.jvcstreaming.model.Post;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes one {@link Post} per NDJSON line, in the format of {@code docs/protocol.md}.
 *
 * <p>Uses Jackson's streaming API only, so it runs on the scraper's Jackson and on the one Spark ships.
 * Thread-safe: the factory is shared, every call builds its own parser or generator.
 */
public final class PostCodec {

  /** Lines longer than this (in UTF-8 bytes, without the newline) are refused by readers. */
  public static final int MAX_LINE_BYTES = 1 << 20;

  /** The forum prints Paris time; the wire keeps that offset so a line reads like the forum. */
  public static final ZoneId FORUM_ZONE = ZoneId.of("Europe/Paris");

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_LINE_BYTES).build())
      .build();

  private PostCodec() {
  }

  /** The JSON object of a post, without the trailing newline. */
  public static String encode(Post post) {
    byte[] line = encodeLine(post);
    return new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
  }

  /** The UTF-8 bytes of a post's line, newline included: what a stream server writes. */
  public static byte[] encodeLine(Post post) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(lineSizeHint(post));
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("seq", post.seq());
      g.writeNumberField("id", post.id());
      g.writeNumberField("topicId", post.topicId());
      g.writeStringField("topic", post.topic());
      g.writeStringField("author", post.author());
      g.writeStringField("postedAt", formatInstant(post.postedAt()));
      g.writeStringField("text", post.text());
      g.writeArrayFieldStart("stickers");
      for (String sticker : post.stickers()) {
        g.writeString(sticker);
      }
      g.writeEndArray();
      g.writeStringField("url", post.url());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode post " + post.id(), e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * Room for the whole line in most cases, so the buffer neither grows nor holds much spare: the JSON names and
   * numbers fit in 160 bytes, and two bytes per char cover the UTF-8 of French text and its escapes (a line with
   * more grows once). Sized on the text alone, a post with stickers outgrew it: a tenth of a crawl's bytes went
   * to those doublings (JFR allocation samples).
   */
  static int lineSizeHint(Post post) {
    long chars = post.text().length() + post.topic().length() + post.author().length() + post.url().length();
    for (String sticker : post.stickers()) {
      chars += sticker.length() + 3;
    }
    return (int) Math.min(Integer.MAX_VALUE - 16, 160 + 2 * chars);
  }

  /** ISO-8601 with the forum's offset, e.g. {@code 2026-11-25T21:04:33+01:00}. */
  public static String formatInstant(Instant instant) {
    return InstantText.format(instant, FORUM_ZONE);
  }

  /** Decodes one line (a trailing {@code \n} or {@code \r\n} is tolerated). */
  public static Post decode(String line) throws MalformedLineException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return decode(bytes, 0, bytes.length);
  }

  /** Decodes the UTF-8 bytes {@code buf[offset, offset+length)} holding one post line. */
  public static Post decode(byte[] buf, int offset, int length) throws MalformedLineException {
    if (length > MAX_LINE_BYTES + 2) {
      throw new MalformedLineException("line of " + length + " bytes exceeds the limit of " + MAX_LINE_BYTES);
    }
    long seq = Long.MIN_VALUE;
    long id = Long.MIN_VALUE;
    long topicId = Long.MIN_VALUE;
    String topic = null;
    String author = null;
    String postedAt = null;
    String text = null;
    List<String> stickers = null;
    String url = null;
    try (JsonParser p = FACTORY.createParser(buf, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedLineException("not a JSON object: " + excerpt(buf, offset, length));
      }
      JsonToken token;
      while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "seq" -> seq = longValue(p, value, field);
          case "id" -> id = longValue(p, value, field);
          case "topicId" -> topicId = longValue(p, value, field);
          case "topic" -> topic = stringValue(p, value, field);
          case "author" -> author = stringValue(p, value, field);
          case "postedAt" -> postedAt = stringValue(p, value, field);
          case "text" -> text = stringValue(p, value, field);
          case "url" -> url = stringValue(p, value, field);
          case "stickers" -> stickers = stringArray(p, value);
          default -> p.skipChildren(); // unknown fields are ignored: newer writers may add some
        }
      }
      if (token != JsonToken.END_OBJECT) {
        throw new MalformedLineException("truncated JSON object: " + excerpt(buf, offset, length));
      }
      if (p.nextToken() != null) {
        throw new MalformedLineException("trailing data after the JSON object: " + excerpt(buf, offset, length));
      }
    } catch (IOException e) {
      throw new MalformedLineException("invalid JSON (" + firstLine(e.getMessage()) + "): "
          + excerpt(buf, offset, length), e);
    }
    requirePresent(seq != Long.MIN_VALUE, "seq");
    requirePresent(id != Long.MIN_VALUE, "id");
    requirePresent(topicId != Long.MIN_VALUE, "topicId");
    requirePresent(author != null, "author");
    requirePresent(postedAt != null, "postedAt");
    try {
      return new Post(seq, id, topicId, topic, author, InstantText.parse(postedAt), text, stickers, url);
    } catch (DateTimeParseException e) {
      throw new MalformedLineException("postedAt is not ISO-8601 with an offset: " + postedAt, e);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new MalformedLineException("invalid post: " + e.getMessage(), e);
    }
  }

  private static long longValue(JsonParser p, JsonToken token, String field) throws IOException, MalformedLineException {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw new MalformedLineException("field '" + field + "' must be an integer, got " + token);
    }
    return p.getLongValue();
  }

  private static String stringValue(JsonParser p, JsonToken token, String field) throws IOException, MalformedLineException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw new MalformedLineException("field '" + field + "' must be a string, got " + token);
    }
    return p.getText();
  }

  private static List<String> stringArray(JsonParser p, JsonToken token) throws IOException, MalformedLineException {
    if (token == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (token != JsonToken.START_ARRAY) {
      throw new MalformedLineException("field 'stickers' must be an array, got " + token);
    }
    List<String> values = new ArrayList<>(4);
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.VALUE_STRING) {
        throw new MalformedLineException("field 'stickers' must hold strings, got " + t);
      }
      values.add(p.getText());
    }
    return values;
  }

  private static void requirePresent(boolean present, String field) throws MalformedLineException {
    if (!present) {
      throw new MalformedLineException("missing required field '" + field + "'");
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** A short, printable excerpt for error messages: logs must not carry a whole megabyte line. */
  static String excerpt(byte[] buf, int offset, int length) {
    int n = Math.min(length, 80);
    String s = new String(buf, offset, n, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
    return length > n ? s + "…(" + length + " bytes)" : s;
  }
}
