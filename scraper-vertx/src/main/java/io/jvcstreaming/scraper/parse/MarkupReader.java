package io.jvcstreaming.scraper.parse;

import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The markup strategy (spec §3-§4, §7): a topic page read from its server-rendered HTML, 2026 markup with the
 * legacy markup as a fallback. One jsoup parse, then one walk over the page ({@link MarkupPageScan}: message
 * roots, title, pagination, lock) and one per message ({@link MarkupMessageScan}: pseudo, date, body). Which
 * class names are looked for lives in those two scanners: a markup change on the forum lands there.
 * Pure; lines not capped here ({@link TopicPageParser} does that).
 */
final class MarkupReader {

  private MarkupReader() {
  }

  /**
   * The page from its markup alone.
   *
   * @throws PageParseException challenge page, truncated page, unrelated page or changed markup
   */
  static TopicPage read(String html, String pageUrl) throws PageParseException {
    Objects.requireNonNull(html, "html");
    Document doc = Jsoup.parse(html, RawHtml.baseUri(pageUrl));
    MarkupPageScan scan = new MarkupPageScan();
    doc.filter(scan);

    boolean legacy = scan.roots.isEmpty() && scan.container == null && !scan.legacyRoots.isEmpty();
    List<Element[]> roots = legacy ? scan.legacyRoots : scan.roots;
    if (roots.isEmpty() && scan.container == null) {
      throw new PageParseException(RawHtml.missingMarkupReason(html, "no #listMessages"));
    }
    checkComplete(html, scan, legacy, roots);

    long topicId = topicId(pageUrl, scan);
    if (topicId <= 0) {
      throw new PageParseException("no topic id");
    }
    String title = title(doc, scan);
    int current = scan.currentPage > 0 ? scan.currentPage : ForumUrls.pageOf(pageUrl).orElse(1);
    int last = current;
    for (String link : scan.pageLinks) {
      OptionalLong linkTopic = ForumUrls.topicId(link);
      if (linkTopic.isPresent() && linkTopic.getAsLong() == topicId) {
        OptionalInt page = ForumUrls.pageOf(link);
        if (page.isPresent() && page.getAsInt() > last) {
          last = page.getAsInt();
        }
      }
    }
    if (roots.isEmpty()) {
      // an empty container: the payload-only variant (or changed message markup)
      if (Payload.present(html)) {
        return new TopicPage(topicId, title, current, last, List.of(), 0, scan.locked, TopicPage.Source.HTML);
      }
      throw new PageParseException("no messages");
    }

    String url = pageUrl == null ? "" : pageUrl;
    Map<Long, Post> posts = new HashMap<>(roots.size() * 2);
    Set<Long> incomplete = null;
    int noId = 0;
    MarkupMessageScan ms = new MarkupMessageScan(legacy);
    for (Element[] r : roots) {
      long id = messageId(r[1], legacy);
      if (id <= 0) {
        noId++;
        continue;
      }
      if (posts.containsKey(id)) {
        continue; // the hydrated copy of a message already read
      }
      Post post = readMessage(ms, r[0], id, topicId, title, url);
      if (post == null) {
        if (incomplete == null) {
          incomplete = new HashSet<>();
        }
        incomplete.add(id);
      } else {
        posts.put(id, post);
      }
    }
    int skipped = noId;
    if (incomplete != null) {
      incomplete.removeAll(posts.keySet());
      skipped += incomplete.size();
    }
    List<Post> sorted = new ArrayList<>(posts.values());
    sorted.sort((a, b) -> Long.compare(a.id(), b.id()));
    return new TopicPage(topicId, title, current, last, sorted, skipped, scan.locked, TopicPage.Source.HTML);
  }

  private static void checkComplete(String html, MarkupPageScan scan, boolean legacy, List<Element[]> roots)
      throws PageParseException {
    int start;
    if (!legacy && scan.container != null) {
      start = RawHtml.tagStartOf(html, "id=\"listMessages\"", false);
      if (start < 0) {
        start = RawHtml.tagStartOf(html, "listMessages", false);
      }
      if (start < 0 || RawHtml.closesHtmlAfter(html, start) || RawHtml.elementClosed(html, start)) {
        return;
      }
      throw new PageParseException("truncated html");
    }
    start = RawHtml.tagStartOf(html, legacy ? "bloc-message-forum" : "id=\"message-", true);
    if (start < 0 && !legacy) {
      start = RawHtml.tagStartOf(html, "messageUser", true);
    }
    if (start < 0 || RawHtml.closesHtmlAfter(html, start)) {
      return;
    }
    Element lastRoot = roots.get(roots.size() - 1)[1];
    if (!RawHtml.elementClosed(html, start) || !RawHtml.hasFollowingElement(lastRoot)) {
      throw new PageParseException("truncated html");
    }
  }

  private static long topicId(String pageUrl, MarkupPageScan scan) {
    OptionalLong id = ForumUrls.topicId(pageUrl);
    if (id.isPresent()) {
      return id.getAsLong();
    }
    if (scan.canonical != null) {
      id = ForumUrls.topicId(scan.canonical);
      if (id.isPresent()) {
        return id.getAsLong();
      }
    }
    for (String link : scan.pageLinks) {
      id = ForumUrls.topicId(link);
      if (id.isPresent()) {
        return id.getAsLong();
      }
    }
    return -1;
  }

  private static String title(Document doc, MarkupPageScan scan) {
    if (scan.titleEl != null) {
      String t = scan.titleEl.text();
      if (!t.isEmpty()) {
        return t;
      }
    }
    if (scan.legacyTitleEl != null) {
      String t = scan.legacyTitleEl.text();
      if (!t.isEmpty()) {
        return t;
      }
    }
    if (scan.breadcrumbEl != null) {
      String t = scan.breadcrumbEl.text();
      if (t.startsWith("Topic ")) {
        t = t.substring(6).trim();
      }
      if (!t.isEmpty()) {
        return t;
      }
    }
    String t = doc.title();
    int cut = t.lastIndexOf(" sur le forum ");
    return cut > 0 ? t.substring(0, cut).trim() : "";
  }

  private static long messageId(Element idHolder, boolean legacy) {
    String v = legacy ? idHolder.attr("data-id") : idHolder.id();
    if (!legacy) {
      if (!v.startsWith("message-")) {
        return -1;
      }
      v = v.substring(8);
    }
    return ForumUrls.parsePositiveLong(v.trim());
  }

  private static Post readMessage(MarkupMessageScan ms, Element root, long id, long topicId, String title,
                                  String url) {
    ms.reset();
    root.filter(ms);
    if (ms.label == null || ms.date == null || ms.msg == null) {
      return null;
    }
    String author = ms.label.text();
    if (author.isEmpty()) {
      return null;
    }
    Instant at = ForumDates.parseOrNull(ms.date.text());
    if (at == null) {
      return null;
    }
    PostExtractor.Body body = PostExtractor.extract(ms.msg);
    return new Post(Post.UNSEQUENCED, id, topicId, title, author, at, body.text(), body.stickers(), url);
  }
}
