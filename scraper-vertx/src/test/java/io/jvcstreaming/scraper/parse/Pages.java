package io.jvcstreaming.scraper.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Fixture pages of src/test/resources/pages (see generate_fixtures.py there). */
final class Pages {

  static final String LIST_1 = "https://www.jeuxvideo.com/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm";
  static final String EXAMPLE_URL = "https://www.jeuxvideo.com/forums/42-51-77300123-1-0-1-0-le-cafe-du-matin.htm";
  static final String P1_URL =
      "https://www.jeuxvideo.com/forums/42-51-77300456-1-0-1-0-vos-stickers-preferes-postez-les-ici.htm";
  static final String MIDDLE_URL = "https://www.jeuxvideo.com/forums/42-51-77300789-3-0-1-0-la-page-du-milieu.htm";
  static final String LAST_URL = "https://www.jeuxvideo.com/forums/42-51-77300999-12-0-1-0-sujet-verrouille.htm";
  static final String PAYLOAD_ONLY_URL =
      "https://www.jeuxvideo.com/forums/42-51-77301111-2-0-1-0-payload-seulement.htm";
  static final String LEGACY_URL = "https://www.jeuxvideo.com/forums/42-51-68000002-2-0-1-0-un-sujet.htm";

  private Pages() {
  }

  static String load(String name) {
    try (InputStream in = Pages.class.getResourceAsStream("/pages/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
