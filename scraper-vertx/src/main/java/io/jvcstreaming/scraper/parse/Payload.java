package io.jvcstreaming.scraper.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The page's embedded app data (spec §7):
 * {@code window.jvc.forumsAppPayload="<base64(gzip(JSON))>"} (before 11 June 2026 {@code base64(JSON)}).
 * Read with jackson-core only, into plain maps and lists.
 */
final class Payload {

  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final String MARKER = "forumsAppPayload";
  private static final AsciiSearch MARKERS = new AsciiSearch(MARKER);
  /**
   * Cap of the inflated payload JSON: twice the HTTP client's default body cap ({@code --max-body-bytes}, 8 MiB).
   * A real page's JSON is a few hundred KiB; a payload inflating beyond this is refused ({@link #TOO_LARGE}),
   * counted by the caller, and the page is read from its markup.
   */
  static final int MAX_INFLATED_BYTES = 16 * 1024 * 1024;
  static final int SIZE_HINT_CAP = 1024 * 1024;
  static final String TOO_LARGE = "payload too large";

  /** One {@code listMessage[]} entry. */
  record Message(long id, long topicId, String author, boolean authorDeleted, String date, String state,
                 String renderedText) {
  }

  final long topicId;
  final String title;
  final int currentPage;
  final int pageCount;
  final boolean readOnly;
  final List<Message> messages;

  private Payload(long topicId, String title, int currentPage, int pageCount, boolean readOnly,
                  List<Message> messages) {
    this.topicId = topicId;
    this.title = title;
    this.currentPage = currentPage;
    this.pageCount = pageCount;
    this.readOnly = readOnly;
    this.messages = messages;
  }

  /** True if the page text assigns the payload. */
  static boolean present(String html) {
    return literalStart(html) >= 0;
  }

  /** Decodes the page's payload; null if the page has none. */
  static Payload read(String html) throws PageParseException {
    return read(html, literalStart(html));
  }

  /**
   * Index of the opening quote of the payload string literal, -1 if the page has none: what {@link #read(String,
   * int)} takes, so that a caller that first asks whether there is a payload does not search the page twice.
   */
  static int literalStart(String html) {
    int at = MARKERS.in(html, 0);
    while (at >= 0) {
      int i = skipSpaces(html, at + MARKER.length());
      if (i < html.length() && html.charAt(i) == '=') {
        i = skipSpaces(html, i + 1);
        if (i < html.length() && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
          return i;
        }
      }
      at = MARKERS.in(html, at + MARKER.length());
    }
    return -1;
  }

  /** Decodes the payload whose literal opens at {@code start} ({@link #literalStart}); null if {@code start < 0}. */
  static Payload read(String html, int start) throws PageParseException {
    if (start < 0) {
      return null;
    }
    char quote = html.charAt(start);
    // base64 holds no backslash: the closing quote is the next one unless an escape comes before it
    int end = html.indexOf(quote, start + 1);
    int escape = html.indexOf('\\', start + 1);
    boolean escaped = escape >= 0 && (end < 0 || escape < end);
    if (escaped) {
      end = escape;
      while (end < html.length() && html.charAt(end) != quote) {
        end += html.charAt(end) == '\\' ? 2 : 1;
      }
    }
    if (end < 0 || end >= html.length()) {
      throw new PageParseException("truncated payload");
    }
    String unescaped = escaped ? unescapeJs(html, start + 1, end) : null;
    byte[] bytes = escaped ? decodeBase64(unescaped, 0, unescaped.length()) : decodeBase64(html, start + 1, end);
    bytes = maybeGunzip(bytes);
    Object tree;
    try (JsonParser p = JSON.createParser(bytes)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new PageParseException("bad payload json");
      }
      tree = readValue(p, 0);
    } catch (IOException e) {
      throw new PageParseException("bad payload json", e);
    }
    return fromTree(asMap(tree));
  }

  /** ASCII whitespace only: what is found must not depend on whether the page was decoded ({@link PageText}). */
  private static int skipSpaces(String s, int i) {
    while (i < s.length() && isAsciiWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String unescapeJs(String s, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= to) {
        sb.append(c);
        continue;
      }
      char e = s.charAt(++i);
      if (e == 'u' && i + 4 < to) {
        try {
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        } catch (NumberFormatException ex) {
          sb.append(e);
        }
      } else if (e != 'n' && e != 'r' && e != 't') {
        sb.append(e); // \/ \\ \" \'
      }
    }
    return sb.toString();
  }

  /**
   * The bytes of base64 text {@code s[from, to)}, whitespace left out (a payload literal may be wrapped over
   * lines), in one pass from the page into the decoder's input: no stripped copy of the literal as a String.
   */
  private static byte[] decodeBase64(String s, int from, int to) throws PageParseException {
    if (to > from) {
      try {
        // A literal that is one run of the standard alphabet, as the forum writes it, decodes as it stands (a bulk
        // copy of the page's bytes, not a char at a time). The strict decoder refuses whitespace, any other
        // character and a char above 0xFF (which its ISO-8859-1 copy turns into '?'), and all of those go the
        // general way below, which gives the same bytes for such a run.
        return Base64.getDecoder().decode(s.substring(from, to));
      } catch (IllegalArgumentException e) {
        // wrapped lines, the URL alphabet or junk: the general reading
      }
    }
    byte[] b64 = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (isAsciiWhitespace(c)) {
        continue;
      }
      if (c >= 128) {
        // in no base64 alphabet; nor is Unicode's other whitespace skipped, which a page not decoded would not show
        throw new PageParseException("bad payload base64");
      }
      b64[n++] = (byte) c;
    }
    if (n == 0) {
      throw new PageParseException("empty payload");
    }
    if (n < b64.length) {
      b64 = java.util.Arrays.copyOf(b64, n);
    }
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getUrlDecoder().decode(b64);
      } catch (IllegalArgumentException e2) {
        throw new PageParseException("bad payload base64", e);
      }
    }
  }

  /** {@link Character#isWhitespace} for ASCII: tab to carriage return, the four separators, space. */
  private static boolean isAsciiWhitespace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
  }

  static byte[] maybeGunzip(byte[] bytes) throws PageParseException {
    if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
      return bytes; // base64(JSON), the pre-June-2026 form
    }
    // the whole input is in memory: one read of it fills the inflater
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), Math.min(bytes.length, 64 * 1024))) {
      // The trailer's ISIZE is the inflated size (of the last member, mod 2^32): inflating straight into an array
      // of that size spares the growing buffer and its final copy. It is only a hint: a payload that inflates to
      // more goes on into a growing buffer, one that inflates to less is cut to what it held.
      byte[] out = new byte[sizeHint(bytes)];
      int n = in.readNBytes(out, 0, out.length);
      if (n < out.length) {
        return Arrays.copyOf(out, n);
      }
      int next = in.read();
      if (next < 0) {
        return out;
      }
      return inflateRest(in, out, next);
    } catch (EOFException e) {
      throw new PageParseException("truncated payload", e);
    } catch (ZipException e) {
      throw new PageParseException("bad payload gzip", e);
    } catch (IOException e) {
      throw new PageParseException("bad payload gzip", e);
    }
  }

  /**
   * The gzip trailer's ISIZE, at least 1 and at most {@link #SIZE_HINT_CAP} and 32 times the gzip: the trailer is
   * the page's word, so a page claiming gigabytes gets a small array and the capped growing path, not an
   * allocation of its choosing (60 pages in flight share a 128 MiB heap). A wrong hint costs a copy, never a post.
   */
  static int sizeHint(byte[] gzip) {
    if (gzip.length < 18) {
      return 1024; // not even a header and a trailer: the inflater will say what is wrong with it
    }
    int at = gzip.length - 4;
    long isize = (gzip[at] & 0xffL) | (gzip[at + 1] & 0xffL) << 8 | (gzip[at + 2] & 0xffL) << 16
        | (gzip[at + 3] & 0xffL) << 24;
    return (int) Math.max(1, Math.min(isize, Math.min(SIZE_HINT_CAP, 32L * gzip.length)));
  }

  /** Past the size hint: the bytes inflated so far, the next one, and the rest, up to the cap. */
  private static byte[] inflateRest(GZIPInputStream in, byte[] head, int next) throws IOException, PageParseException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_INFLATED_BYTES, head.length * 2 + 16));
    out.write(head, 0, head.length);
    out.write(next);
    byte[] chunk = new byte[16 * 1024];
    int n;
    while ((n = in.read(chunk)) > 0) {
      if (out.size() + n > MAX_INFLATED_BYTES) {
        // a few KiB of page can inflate to gigabytes: stop at the cap, the markup is read instead
        throw new PageParseException(TOO_LARGE);
      }
      out.write(chunk, 0, n);
    }
    if (out.size() > MAX_INFLATED_BYTES) {
      throw new PageParseException(TOO_LARGE);
    }
    return out.toByteArray();
  }

  /**
   * The keys {@link #fromTree} reads, at whatever level: the values of other keys are skipped, not built (most of
   * a payload's bytes are the messages' source text and the topic list, which no strategy uses).
   */
  private static final Set<String> READ_KEYS = Set.of(
      "topicId", "topicTitleField", "listMessage", "pagerView", "forum", // root
      "id", "publishedAuthorName", "publishedAuthorIsDeleted", "publishedDate", "stateMessage", "renderedText",
      "currentPage", "pageCount", // pagerView
      "isForumReadOnly"); // forum

  private static Object readValue(JsonParser p, int depth) throws IOException, PageParseException {
    if (depth > 64) {
      throw new PageParseException("bad payload json");
    }
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new PageParseException("truncated payload");
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          if (READ_KEYS.contains(name)) {
            map.put(name, readValue(p, depth + 1));
          } else {
            p.skipChildren(); // the source text, avatars, the topic list...: tokenized, never turned into objects
          }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
          throw new PageParseException("truncated payload");
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (p.currentToken() == null) {
            throw new PageParseException("truncated payload");
          }
          list.add(readValue(p, depth + 1));
        }
        return list;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getNumberValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new PageParseException("bad payload json");
    }
  }

  private static Payload fromTree(Map<String, Object> root) {
    Map<String, Object> pager = asMap(root.get("pagerView"));
    Map<String, Object> forum = asMap(root.get("forum"));
    List<Message> messages = new ArrayList<>();
    Object list = root.get("listMessage");
    long topicId = asLong(root.get("topicId"));
    if (list instanceof List) {
      for (Object o : (List<?>) list) {
        Map<String, Object> m = asMap(o);
        messages.add(new Message(asLong(m.get("id")), asLong(m.get("topicId")),
            asString(m.get("publishedAuthorName")), asBoolean(m.get("publishedAuthorIsDeleted")),
            asString(m.get("publishedDate")), asString(m.get("stateMessage")), asString(m.get("renderedText"))));
      }
    }
    return new Payload(topicId, asString(root.get("topicTitleField")), (int) asLong(pager.get("currentPage")),
        (int) asLong(pager.get("pageCount")), asBoolean(forum.get("isForumReadOnly")), messages);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }

  private static String asString(Object o) {
    return o == null ? null : o instanceof String ? (String) o : String.valueOf(o);
  }

  private static boolean asBoolean(Object o) {
    return Boolean.TRUE.equals(o) || "true".equals(o) || (o instanceof Number && ((Number) o).intValue() == 1);
  }

  /** A positive integer (number or numeric string), 0 otherwise. */
  private static long asLong(Object o) {
    if (o instanceof Number) {
      long v = ((Number) o).longValue();
      return v > 0 && v <= Integer.MAX_VALUE * 1_000_000L ? v : 0;
    }
    if (o instanceof String) {
      long v = ForumUrls.parsePositiveLong(((String) o).trim());
      return Math.max(v, 0);
    }
    return 0;
  }
}
