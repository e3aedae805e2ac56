package io.jvcstreaming.scraper.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * JvCare obfuscated links (spec §6): logged-out pages replace links by {@code <span class="JvCare {HEX} ...">},
 * where {@code HEX} writes each byte of the URL as two symbols over the alphabet {@code 0A12B34C56D78E9F}
 * (symbol position = nibble value, high nibble first).
 */
public final class JvCare {

  private static final String ALPHABET = "0A12B34C56D78E9F";
  private static final byte[] VALUE = new byte[128];

  static {
    java.util.Arrays.fill(VALUE, (byte) -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      VALUE[ALPHABET.charAt(i)] = (byte) i;
    }
  }

  private JvCare() {
  }

  /**
   * Decodes a JvCare token ({@code "45CBCBC0C2"} gives {@code "https"}).
   *
   * @throws IllegalArgumentException if the token has an odd length or a symbol outside the alphabet
   */
  public static String decode(String hex) {
    String decoded = tryDecode(hex);
    if (decoded == null) {
      throw new IllegalArgumentException("not a JvCare token: " + abbreviate(hex));
    }
    return decoded;
  }

  /** Encodes a URL (UTF-8 bytes) as a JvCare token; {@code decode(encode(s)).equals(s)}. */
  public static String encode(String url) {
    byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      out[2 * i] = ALPHABET.charAt(b >>> 4);
      out[2 * i + 1] = ALPHABET.charAt(b & 0xf);
    }
    return new String(out);
  }

  /**
   * The link hidden in an element's classes: the token following {@code JvCare} (the second class token on real
   * pages). Empty if the element has no {@code JvCare} class or the token does not decode to a URL-like string.
   */
  public static Optional<String> decodeFromClasses(Element e) {
    return Optional.ofNullable(linkOf(e));
  }

  /** Same as {@link #decodeFromClasses(Element)}, null instead of empty; for hot paths. */
  static String linkOf(Element e) {
    return e == null ? null : linkOfClass(e.className());
  }

  /** The link of a class attribute's {@code JvCare} token, as {@link #linkOf(Element)}. */
  static String linkOfClass(String cls) {
    int at = cls.indexOf("JvCare");
    if (at < 0) {
      return null;
    }
    // tokens of the class attribute, by hand (classNames() builds a set each time)
    int n = cls.length();
    int i = 0;
    boolean afterJvCare = false;
    while (i < n) {
      while (i < n && Character.isWhitespace(cls.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(cls.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      String token = cls.substring(start, i);
      if (afterJvCare) {
        String decoded = tryDecode(token);
        return decoded != null && looksLikeLink(decoded) ? decoded : null;
      }
      afterJvCare = token.equals("JvCare");
    }
    return null;
  }

  private static boolean looksLikeLink(String s) {
    return !s.isEmpty() && (s.charAt(0) == '/' || s.startsWith("http:") || s.startsWith("https:"));
  }

  private static String tryDecode(String hex) {
    if (hex == null || (hex.length() & 1) != 0) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(hex.length() / 2);
    for (int i = 0; i < hex.length(); i += 2) {
      int hi = value(hex.charAt(i));
      int lo = value(hex.charAt(i + 1));
      if (hi < 0 || lo < 0) {
        return null;
      }
      out.write((hi << 4) | lo);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int value(char c) {
    return c < 128 ? VALUE[c] : -1;
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "null";
    }
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
