package io.jvcstreaming.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A small, independent reading of the spec (§4, §6, §7), written from the spec and not from the simulator. */
final class SpecExtraction {

  record Extracted(String text, List<String> stickers) {
  }

  private static final Pattern PAYLOAD = Pattern.compile("window\\.jvc\\.forumsAppPayload=\"([A-Za-z0-9+/=]+)\"");
  private static final String ALPHABET = "0A12B34C56D78E9F";

  private SpecExtraction() {
  }

  /** §4: text without quotes, spoiler labels and images; stickers in document order outside quotes. */
  static Extracted message(Element msg) {
    Element body = msg.clone();
    body.select("blockquote").remove();
    List<String> stickers = new ArrayList<>();
    for (Element e : body.select("img.message__urlImg, span.message__urlImgLarge, img.message__sticker")) {
      if (e.hasClass("message__sticker")) {
        stickers.add(e.attr("src"));
      } else if (e.hasAttr("alt")) {
        stickers.add(e.attr("alt"));
      } else {
        stickers.add(e.attr("data-src-background").replaceAll("/fichiers-(xs|sm|md|lg)/", "/fichiers/"));
      }
    }
    body.select("label.message__spoilHead, img").remove();
    String text = body.text().replaceAll("\\s+", " ").trim();
    return new Extracted(text, stickers);
  }

  static String jvCareDecode(Element e) {
    String token = e.className().split("\\s+")[1];
    byte[] out = new byte[token.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (ALPHABET.indexOf(token.charAt(2 * i)) << 4 | ALPHABET.indexOf(token.charAt(2 * i + 1)));
    }
    return new String(out, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** §7: base64 → gunzip → JSON. */
  static JsonNode payload(Document doc) {
    Matcher m = PAYLOAD.matcher(doc.html());
    if (!m.find()) {
      throw new AssertionError("no forumsAppPayload in page");
    }
    byte[] gz = Base64.getDecoder().decode(m.group(1));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return new ObjectMapper().readTree(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
