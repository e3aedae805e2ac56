package io.jvcstreaming.scraper.parse;

import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The payload strategy (spec §5): a topic page read from its embedded {@code forumsAppPayload} only, which
 * {@link Payload} finds and decodes; this class turns its messages into posts. Each message's rendered
 * fragment goes through the same {@link PostExtractor} as the markup, so both strategies give equal posts.
 * Pure; lines not capped here ({@link TopicPageParser} does that).
 */
final class PayloadReader {

  /** The author of a message whose account was deleted. */
  static final String DELETED_AUTHOR = "Pseudo supprimé";

  private PayloadReader() {
  }

  /**
   * The page from its payload alone.
   *
   * @throws PageParseException no payload, undecodable payload, no topic id
   */
  static TopicPage read(String html, String pageUrl) throws PageParseException {
    Objects.requireNonNull(html, "html");
    Payload payload = Payload.read(html);
    if (payload == null) {
      throw new PageParseException(ChallengeDetector.hasForumMarker(html)
          ? "no payload" : RawHtml.missingMarkupReason(html, "no payload"));
    }
    return fromPayload(payload, pageUrl, null);
  }

  /**
   * The posts of an already decoded payload, those of {@code skipIds} left out (null: none).
   *
   * @throws PageParseException no topic id in the URL nor in the payload
   */
  static TopicPage fromPayload(Payload payload, String pageUrl, Set<Long> skipIds)
      throws PageParseException {
    long topicId = ForumUrls.topicId(pageUrl).orElse(payload.topicId);
    if (topicId <= 0) {
      throw new PageParseException("no topic id");
    }
    String title = payload.title == null ? "" : cleanTitle(payload.title);
    int current = payload.currentPage > 0 ? payload.currentPage : ForumUrls.pageOf(pageUrl).orElse(1);
    int last = Math.max(current, payload.pageCount);
    String url = pageUrl == null ? "" : pageUrl;
    Map<Long, Post> posts = new TreeMap<>();
    Set<Long> incomplete = new HashSet<>();
    int skipped = 0;
    for (Payload.Message m : payload.messages) {
      if ("msg-deleted".equals(m.state())) {
        continue;
      }
      if (m.id() <= 0) {
        skipped++;
        continue;
      }
      if (skipIds != null && skipIds.contains(m.id())) {
        continue;
      }
      String author = m.authorDeleted() ? DELETED_AUTHOR : m.author() == null ? "" : m.author().trim();
      Instant at = payloadDate(m.date());
      if (author.isEmpty() || at == null || m.renderedText() == null) {
        incomplete.add(m.id());
        continue;
      }
      PostExtractor.Body b = bodyOf(m.renderedText());
      posts.putIfAbsent(m.id(), new Post(Post.UNSEQUENCED, m.id(), topicId, title, author, at, b.text(),
          b.stickers(), url));
    }
    incomplete.removeAll(posts.keySet());
    return new TopicPage(topicId, title, current, last, new ArrayList<>(posts.values()),
        skipped + incomplete.size(), payload.readOnly, TopicPage.Source.PAYLOAD);
  }

  /**
   * Text and stickers of a rendered fragment: {@link FragmentText}'s scan, or jsoup's tree when the fragment holds
   * markup the scan leaves to jsoup (both give the same answer wherever the scan answers).
   */
  static PostExtractor.Body bodyOf(String renderedText) {
    PostExtractor.Body fast = FragmentText.extract(renderedText);
    return fast != null ? fast : viaJsoup(renderedText);
  }

  /** The reference answer: the fragment parsed as a body by jsoup, its message element if it has one. */
  static PostExtractor.Body viaJsoup(String renderedText) {
    Element body = Jsoup.parseBodyFragment(renderedText).body();
    Element msg = body.selectFirst(Selectors.MSG_BODY);
    return PostExtractor.extract(msg != null ? msg : body);
  }

  static Instant payloadDate(String date) {
    if (date == null || date.isBlank()) {
      return null;
    }
    Instant at = ForumDates.parseOrNull(date);
    if (at != null) {
      return at;
    }
    String d = date.trim();
    try {
      return OffsetDateTime.parse(d).toInstant();
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return LocalDateTime.parse(d.replace(' ', 'T')).atZone(ForumDates.PARIS).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String cleanTitle(String raw) {
    String t = raw;
    if (raw.indexOf('&') >= 0) {
      // jsoup's unescape builds a tree builder and a Document per call (and warms jsoup up for it): only for the
      // reference forms FragmentEntities leaves to it
      t = FragmentEntities.decodeText(raw);
      if (t == FragmentEntities.REFUSED) {
        t = Parser.unescapeEntities(raw, false);
      }
    }
    return PostExtractor.collapse(t);
  }
}
