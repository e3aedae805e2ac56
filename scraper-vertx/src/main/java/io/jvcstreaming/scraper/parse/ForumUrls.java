package io.jvcstreaming.scraper.parse;

import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forum's URL scheme (spec §1).
 * <ul>
 *   <li>list page N: {@code /forums/0-{forumId}-0-1-0-{index}-0-{slug}.htm}, {@code index = (N-1)*25 + 1};</li>
 *   <li>topic page P: {@code /forums/42-{forumId}-{topicId}-{P}-0-1-0-{slug}.htm} (very old topics: {@code 1-}).</li>
 * </ul>
 * Absolute and relative URLs are accepted; the query string and fragment are kept as they are.
 */
public final class ForumUrls {

  /** Topics per list page. */
  public static final int TOPICS_PER_LIST_PAGE = 25;
  /** Messages per topic page. */
  public static final int MESSAGES_PER_PAGE = 20;

  // groups: 1 = prefix up to the topic id included and its dash, 2 = topic id, 3 = page, 4 = rest
  private static final Pattern TOPIC = Pattern.compile(
      "(/forums/(?:42|1)-\\d+-(\\d+)-)(\\d+)(-\\d+-\\d+-\\d+-[^/?#]*\\.htm)");
  // groups: 1 = prefix, 2 = index, 3 = rest
  private static final Pattern LIST = Pattern.compile(
      "(/forums/0-\\d+-\\d+-\\d+-\\d+-)(\\d+)(-\\d+-[^/?#]*\\.htm)");

  private ForumUrls() {
  }

  /** The URL of list page {@code page} (1-based) of the forum whose page-1 (or any page) URL is given. */
  public static String listPageUrl(String firstListPageUrl, int page) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be >= 1, got " + page);
    }
    Matcher m = LIST.matcher(firstListPageUrl);
    if (!m.find()) {
      throw new IllegalArgumentException("not a topic list URL: " + firstListPageUrl);
    }
    long index = (long) (page - 1) * TOPICS_PER_LIST_PAGE + 1;
    return firstListPageUrl.substring(0, m.start(2)) + index + firstListPageUrl.substring(m.end(2));
  }

  /** The URL of page {@code page} (1-based) of the topic whose (any page) URL is given. */
  public static String topicPageUrl(String topicUrl, int page) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be >= 1, got " + page);
    }
    Matcher m = TOPIC.matcher(topicUrl);
    if (!m.find()) {
      throw new IllegalArgumentException("not a topic URL: " + topicUrl);
    }
    return topicUrl.substring(0, m.start(3)) + page + topicUrl.substring(m.end(3));
  }

  /** The topic id of a topic page URL; empty for any other URL. */
  public static OptionalLong topicId(String url) {
    if (url == null) {
      return OptionalLong.empty();
    }
    Matcher m = TOPIC.matcher(url);
    if (!m.find()) {
      return OptionalLong.empty();
    }
    long id = parsePositiveLong(m.group(2));
    return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
  }

  /** The page number of a topic page URL or of a topic list page URL; empty for any other URL. */
  public static OptionalInt pageOf(String url) {
    if (url == null) {
      return OptionalInt.empty();
    }
    Matcher m = TOPIC.matcher(url);
    if (m.find()) {
      long page = parsePositiveLong(m.group(3));
      return page >= 1 && page <= Integer.MAX_VALUE ? OptionalInt.of((int) page) : OptionalInt.empty();
    }
    m = LIST.matcher(url);
    if (m.find()) {
      long index = parsePositiveLong(m.group(2));
      if (index < 1) {
        return OptionalInt.empty();
      }
      long page = (index - 1) / TOPICS_PER_LIST_PAGE + 1;
      return page <= Integer.MAX_VALUE ? OptionalInt.of((int) page) : OptionalInt.empty();
    }
    return OptionalInt.empty();
  }

  /** Digits to a long; -1 on overflow or empty. */
  static long parsePositiveLong(CharSequence digits) {
    int n = digits.length();
    if (n == 0 || n > 18) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
