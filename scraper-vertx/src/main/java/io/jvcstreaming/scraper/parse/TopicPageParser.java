package io.jvcstreaming.scraper.parse;

import io.jvcstreaming.model.Post;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Topic page parser (spec §3-§7): the cross-check that picks between the two strategies. Pure functions of the
 * page text and its URL.
 *
 * <p>{@link MarkupReader} reads the server-rendered markup ({@link #parseHtml}); {@link PayloadReader} reads only the
 * embedded {@code forumsAppPayload} ({@link #parsePayload}). {@link #parse} takes the payload when the markup
 * agrees with it (the cheap path), otherwise the markup, with the payload as a cross-check (page count, messages
 * the markup lost) or as the fallback when the markup holds no message. Every answer has its lines capped
 * ({@link PostLineCap}).
 */
public final class TopicPageParser {

  /** The author of a message whose account was deleted. */
  public static final String DELETED_AUTHOR = PayloadReader.DELETED_AUTHOR;

  private TopicPageParser() {
  }

  /**
   * HTML first; the payload, when the page has one, as cross-check and fallback.
   *
   * @throws PageParseException challenge page, truncated page, unrelated page, markup and payload both unusable
   */
  public static TopicPage parse(String html, String pageUrl) throws PageParseException {
    return parse(PageText.of(html), pageUrl);
  }

  /**
   * {@link #parse(String, String)} of a fetched page: the payload's fast path reads the page's
   * {@link PageText#structure()}, and only a page that path cannot take is decoded.
   */
  public static TopicPage parse(PageText page, String pageUrl) throws PageParseException {
    return PostLineCap.apply(parseUncapped(page, pageUrl));
  }

  private static TopicPage parseUncapped(PageText page, String pageUrl) throws PageParseException {
    Objects.requireNonNull(page, "page");
    TopicPage fast = fromPayloadIfConsistent(page.structure(), pageUrl);
    if (fast != null) {
      return fast;
    }
    String html = page.text();
    TopicPage fromHtml = null;
    PageParseException htmlError = null;
    try {
      fromHtml = MarkupReader.read(html, pageUrl);
    } catch (PageParseException e) {
      if (e.reason().startsWith("truncated") || e.reason().equals("challenge page")) {
        throw e;
      }
      htmlError = e;
    }
    if (!Payload.present(html)) {
      if (fromHtml != null) {
        return fromHtml;
      }
      throw htmlError;
    }
    Payload payload;
    try {
      payload = Payload.read(html);
    } catch (PageParseException e) {
      if (fromHtml != null) {
        return fromHtml.withPayloadProblem(e.reason()); // a broken payload does not spoil good markup
      }
      throw htmlError.reason().startsWith("no ") ? e : htmlError;
    }
    if (fromHtml == null || fromHtml.posts().isEmpty()) {
      TopicPage fromPayload = PayloadReader.fromPayload(payload, pageUrl, null);
      if (fromHtml == null || !fromPayload.posts().isEmpty()) {
        return fromPayload;
      }
      return fromHtml;
    }
    return crossCheck(fromHtml, payload, pageUrl);
  }

  private static final String MESSAGE_ID = "id=\"message-";
  private static final AsciiSearch MESSAGE_IDS = new AsciiSearch(MESSAGE_ID);
  private static final String CONTAINER = "id=\"listMessages\"";

  /**
   * The fast path, about three times cheaper than the markup: the payload is found by a string search and is
   * a gunzip plus a small JSON, while the markup needs the whole document through jsoup. It reads ASCII only (the
   * payload's literal, the container's tags, the message ids), so {@code html} may be a {@link PageText#structure()};
   * what it returns comes from the payload's JSON, decoded as UTF-8 by its own reader. It is taken only when
   * the raw page is whole (its message container is closed) and every message id in the markup is also in the
   * payload, complete; otherwise null, and the markup path decides.
   */
  private static TopicPage fromPayloadIfConsistent(String html, String pageUrl) throws PageParseException {
    int literal = Payload.literalStart(html);
    if (literal < 0) {
      return null;
    }
    int container = RawHtml.tagStartOf(html, CONTAINER, false);
    if (container < 0) {
      return null;
    }
    if (!RawHtml.closesHtmlAfter(html, container) && !RawHtml.elementClosed(html, container)) {
      throw new PageParseException("truncated html");
    }
    Payload payload;
    TopicPage page;
    try {
      payload = Payload.read(html, literal);
      page = PayloadReader.fromPayload(payload, pageUrl, null);
    } catch (PageParseException e) {
      return null; // a broken payload: the markup may still be fine
    }
    if (page.skippedMessages() > 0 || page.posts().isEmpty()) {
      return null;
    }
    Set<Long> inPayload = new HashSet<>();
    for (Payload.Message m : payload.messages) {
      inPayload.add(m.id());
    }
    for (int at = MESSAGE_IDS.in(html, 0); at >= 0; at = MESSAGE_IDS.in(html, at + 1)) {
      long id = messageIdAt(html, at + MESSAGE_ID.length());
      if (id >= 0 && !inPayload.contains(id)) {
        return null; // the markup shows a message the payload lacks
      }
    }
    return page;
  }

  /**
   * The id of {@code id="message-{digits}"} whose digits start at {@code from}, -1 if the attribute is not of
   * that form (a plain search: a regex engine on every page cost more than the check it makes).
   */
  private static long messageIdAt(String html, int from) {
    int end = from;
    while (end < html.length() && html.charAt(end) >= '0' && html.charAt(end) <= '9') {
      end++;
    }
    if (end == from || end >= html.length() || html.charAt(end) != '"') {
      return -1;
    }
    return Long.parseLong(html, from, end, 10);
  }

  /** Adds to an HTML page the page count and the messages only the payload has. */
  private static TopicPage crossCheck(TopicPage fromHtml, Payload payload, String pageUrl) {
    int lastPage = Math.max(fromHtml.lastPage(), payload.pageCount);
    boolean locked = fromHtml.locked() || payload.readOnly;
    Set<Long> known = new HashSet<>();
    for (Post p : fromHtml.posts()) {
      known.add(p.id());
    }
    boolean missing = false;
    for (Payload.Message m : payload.messages) {
      if (m.id() > 0 && !known.contains(m.id()) && !"msg-deleted".equals(m.state())) {
        missing = true;
        break;
      }
    }
    if (!missing) {
      if (lastPage == fromHtml.lastPage() && locked == fromHtml.locked()) {
        return fromHtml;
      }
      return new TopicPage(fromHtml.topicId(), fromHtml.title(), fromHtml.currentPage(), lastPage,
          fromHtml.posts(), fromHtml.skippedMessages(), locked, TopicPage.Source.HTML);
    }
    TopicPage extra;
    try {
      extra = PayloadReader.fromPayload(payload, pageUrl, known);
    } catch (PageParseException e) {
      return fromHtml;
    }
    TreeMap<Long, Post> merged = new TreeMap<>();
    for (Post p : fromHtml.posts()) {
      merged.put(p.id(), p);
    }
    int recovered = 0;
    for (Post p : extra.posts()) {
      if (merged.putIfAbsent(p.id(), withTopic(p, fromHtml)) == null) {
        recovered++;
      }
    }
    return new TopicPage(fromHtml.topicId(), fromHtml.title(), fromHtml.currentPage(), lastPage,
        new ArrayList<>(merged.values()), Math.max(0, fromHtml.skippedMessages() - recovered), locked,
        TopicPage.Source.HTML);
  }

  private static Post withTopic(Post p, TopicPage page) {
    if (p.topicId() == page.topicId() && p.topic().equals(page.title())) {
      return p;
    }
    return new Post(p.seq(), p.id(), page.topicId(), page.title(), p.author(), p.postedAt(), p.text(),
        p.stickers(), p.url());
  }

  /**
   * Reads the posts from the embedded {@code forumsAppPayload} only ({@link PayloadReader}).
   *
   * @throws PageParseException no payload, undecodable payload, no topic id
   */
  public static TopicPage parsePayload(String html, String pageUrl) throws PageParseException {
    return PostLineCap.apply(PayloadReader.read(html, pageUrl));
  }

  /**
   * Reads the posts from the server-rendered markup, 2026 markup, legacy markup as a fallback ({@link MarkupReader}).
   *
   * @throws PageParseException challenge page, truncated page, unrelated page or changed markup
   */
  public static TopicPage parseHtml(String html, String pageUrl) throws PageParseException {
    return PostLineCap.apply(MarkupReader.read(html, pageUrl));
  }

  /** Whitespace runs to one space, trimmed (the list parser's titles and pseudos too). */
  static String collapse(String s) {
    return PostExtractor.collapse(s);
  }
}
