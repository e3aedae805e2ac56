package io.jvcstreaming.simulator.model;

import io.jvcstreaming.simulator.markup.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a body's HTML, its source markup and its expected clean text side by side. Every method says what
 * a jsoup {@code text()} would see, so the truth is correct by construction (and checked by the tests).
 */
final class BodyBuilder {

  private final StringBuilder html = new StringBuilder(256);
  private final StringBuilder raw = new StringBuilder(128);
  private final StringBuilder text = new StringBuilder(128);
  private final List<String> stickers = new ArrayList<>(2);

  /** Words the author typed: entity-encoded in HTML, verbatim in the source and the text. */
  BodyBuilder words(String plain) {
    Html.appendBody(html, plain);
    raw.append(plain);
    text.append(plain);
    return this;
  }

  /** Markup without any text of its own (an image, an empty element). */
  BodyBuilder markup(String fragment) {
    html.append(fragment);
    return this;
  }

  /** Source-only markup (a smiley code, an image URL): the payload's text has it, the rendered text does not. */
  BodyBuilder source(String fragment) {
    raw.append(fragment);
    return this;
  }

  /** Text that appears in the HTML and the clean text but is written differently in the source. */
  BodyBuilder renderedText(String plain) {
    text.append(plain);
    return this;
  }

  BodyBuilder lineBreak() {
    html.append("<br />");
    raw.append('\n');
    text.append(' ');
    return this;
  }

  /** Block elements (p, div, pre) separate words in jsoup's text(). */
  BodyBuilder blockBoundary() {
    text.append(' ');
    return this;
  }

  BodyBuilder openParagraph(boolean blankLine) {
    html.append(blankLine ? "<p class=\"message__p\">" : "<p class=\"message__noBlankline\">");
    text.append(' ');
    return this;
  }

  BodyBuilder closeParagraph() {
    html.append("</p>");
    raw.append("\n\n");
    text.append(' ');
    return this;
  }

  BodyBuilder sticker(String url) {
    stickers.add(url);
    return this;
  }

  String htmlSoFar() {
    return html.toString();
  }

  String rawSoFar() {
    return raw.toString();
  }

  String textSoFar() {
    return text.toString();
  }

  List<String> stickersSoFar() {
    return stickers;
  }

  /** jsoup's text(): nbsp is whitespace, runs collapse to one space, ends trimmed. */
  static String normalize(String s) {
    return s.replace('\u00A0', ' ').replaceAll("[ \\t\\n\\r\\f]+", " ").trim();
  }
}
