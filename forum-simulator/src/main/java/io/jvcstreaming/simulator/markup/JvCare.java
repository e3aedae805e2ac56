package io.jvcstreaming.simulator.markup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The logged-out link obfuscation of spec §6: every UTF-8 byte of the URL written as two symbols over the
 * alphabet {@code 0A12B34C56D78E9F}, the symbol's position being the hex digit (high nibble first).
 */
public final class JvCare {

  static final String ALPHABET = "0A12B34C56D78E9F";

  private JvCare() {
  }

  public static String encode(String url) {
    byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      out[2 * i] = ALPHABET.charAt(b >>> 4);
      out[2 * i + 1] = ALPHABET.charAt(b & 0x0F);
    }
    return new String(out);
  }

  public static String decode(String token) {
    if (token.length() % 2 != 0) {
      throw new IllegalArgumentException("JvCare token of odd length: " + token);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(token.length() / 2);
    for (int i = 0; i < token.length(); i += 2) {
      out.write(symbol(token.charAt(i)) << 4 | symbol(token.charAt(i + 1)));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int symbol(char c) {
    int v = ALPHABET.indexOf(c);
    if (v < 0) {
      throw new IllegalArgumentException("not a JvCare symbol: " + c);
    }
    return v;
  }

  /** The opening of a logged-out obfuscated link: {@code <span class="JvCare HEX extra"}, attributes to follow. */
  public static void openSpan(StringBuilder sb, String url, String extraClasses) {
    sb.append("<span class=\"JvCare ").append(encode(url));
    if (!extraClasses.isEmpty()) {
      sb.append(' ').append(extraClasses);
    }
    sb.append('"');
  }
}
