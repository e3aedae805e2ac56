package io.jvcstreaming.scraper.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Topic list page parser (spec §2): 2026 {@code ul.tablesForum--listTopics} rows, legacy {@code ul.topic-list}
 * rows as a fallback. A row without a parsable id (or without title, link or reply count) is skipped and
 * counted, never returned half-filled.
 */
public final class TopicListParser {

  private TopicListParser() {
  }

  /**
   * @param html    the page text
   * @param pageUrl the page URL, to resolve the topic links against
   * @throws PageParseException challenge page, truncated page, unrelated page or no row at all
   */
  public static TopicListPage parse(String html, String pageUrl) throws PageParseException {
    Objects.requireNonNull(html, "html");
    TopicListPage scanned = viaScan(html, pageUrl);
    return scanned != null ? scanned : viaJsoup(html, pageUrl);
  }

  /** The page read by {@link ListPageScan}; null if the scan refuses it (then only jsoup reads it right). */
  static TopicListPage viaScan(String html, String pageUrl) throws PageParseException {
    ListNode list = ListPageScan.container(html, RawHtml.baseUri(pageUrl));
    if (list == null) {
      return null;
    }
    try {
      return rows(html, list, false);
    } catch (ListPageScan.Uncertain e) {
      return null; // a text the scan does not reproduce
    }
  }

  /** The page read through a jsoup tree (what every page went through before the scan). */
  static TopicListPage viaJsoup(String html, String pageUrl) throws PageParseException {
    Document doc = Jsoup.parse(html, RawHtml.baseUri(pageUrl));
    Element list = doc.selectFirst(Selectors.LIST_CONTAINER);
    if (list == null) {
      list = doc.selectFirst(Selectors.LIST_CONTAINER_ANY);
    }
    boolean legacy = false;
    if (list == null) {
      list = doc.selectFirst(Selectors.LEGACY_LIST_CONTAINER);
      legacy = list != null;
    }
    if (list == null) {
      throw new PageParseException(RawHtml.missingMarkupReason(html, "no tablesForum"));
    }
    return rows(html, new ListNode.Jsoup(list), legacy);
  }

  /** The rows of the container, after the raw-text check that the page was not cut inside it. */
  private static TopicListPage rows(String html, ListNode list, boolean legacy) throws PageParseException {
    int start = RawHtml.tagStartOf(html, legacy ? "topic-list" : "tablesForum--listTopics", false);
    if (start < 0 && !legacy) {
      start = RawHtml.tagStartOf(html, "tablesForum", false);
    }
    if (start >= 0 && !RawHtml.closesHtmlAfter(html, start) && !RawHtml.elementClosed(html, start)) {
      throw new PageParseException("truncated html");
    }

    List<TopicRow> rows = new ArrayList<>(26);
    Set<Long> seen = new HashSet<>();
    int skipped = 0;
    for (ListNode li : list.children()) {
      if (!li.nameIs("li") || ListRows.isHeadOrAd(li)) {
        continue;
      }
      if (!legacy && !li.hasClass("tablesforum__bodyrow") && !li.id().startsWith("topic-")) {
        continue;
      }
      TopicRow row = legacy ? legacyRow(((ListNode.Jsoup) li).el()) : ListRows.row(li);
      if (row == null) {
        skipped++;
      } else if (seen.add(row.topicId())) {
        rows.add(row);
      }
    }
    if (rows.isEmpty() && skipped == 0) {
      throw new PageParseException("no topic rows");
    }
    return new TopicListPage(rows, skipped);
  }

  private static TopicRow legacyRow(Element li) {
    long topicId = ForumUrls.parsePositiveLong(li.attr("data-id").trim());
    if (topicId <= 0) {
      return null;
    }
    Element subject = li.selectFirst(Selectors.LEGACY_TITLE);
    if (subject == null) {
      return null;
    }
    String title = TopicPageParser.collapse(subject.attr("title"));
    if (title.isEmpty()) {
      title = subject.text();
    }
    String url = ListRows.link(new ListNode.Jsoup(subject));
    Element count = li.selectFirst(Selectors.LEGACY_COUNT);
    int replies = count == null ? -1 : leadingInt(count.text());
    if (title.isEmpty() || url == null || replies < 0) {
      return null;
    }
    Element authorEl = li.selectFirst(Selectors.LEGACY_AUTHOR);
    String author = authorEl == null ? null : authorEl.text();
    if (author != null && author.isEmpty()) {
      author = null;
    }
    Instant lastPostAt = null;
    Element date = li.selectFirst(Selectors.LEGACY_DATE);
    if (date != null) {
      // the text is "HH:MM:SS" today or "dd/mm/yyyy": not an instant; a full date may sit in a title
      lastPostAt = ForumDates.parseOrNull(date.attr("title"));
      for (Element e : date.children()) {
        if (lastPostAt == null) {
          lastPostAt = ForumDates.parseOrNull(e.attr("title"));
        }
      }
    }
    boolean pinned = li.selectFirst(Selectors.LEGACY_PIN) != null;
    return new TopicRow(topicId, title, url, replies, lastPostAt, pagesFor(replies), pinned, author);
  }

  /** ceil((replies + 1) / 20). */
  static int pagesFor(int replies) {
    return replies / ForumUrls.MESSAGES_PER_PAGE + 1;
  }

  /** The first integer of a text ("12", " 1 234 ", "12 / 40"), -1 if none. */
  static int leadingInt(String text) {
    long v = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        v = (v < 0 ? 0 : v * 10) + (c - '0');
        if (v > Integer.MAX_VALUE) {
          return -1;
        }
      } else if (v >= 0 && !(c == ' ' || c == '\u00a0' || c == '\u202f' || c == '.')) {
        break;
      } else if (v < 0 && !Character.isWhitespace(c) && c != '\u00a0') {
        return -1;
      }
    }
    return (int) v;
  }
}
