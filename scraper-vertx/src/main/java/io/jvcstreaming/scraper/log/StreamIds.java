package io.jvcstreaming.scraper.log;

import java.security.SecureRandom;
import java.util.HexFormat;

/** New stream ids: 64 random bits as 16 lowercase hex chars, so two logs never share one by chance. */
final class StreamIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private StreamIds() {
  }

  static String fresh() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static boolean valid(String id) {
    return id != null && id.matches("[0-9a-f]{16}");
  }
}
