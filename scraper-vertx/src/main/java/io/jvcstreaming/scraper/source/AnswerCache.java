package io.jvcstreaming.scraper.source;

import io.jvcstreaming.scraper.parse.ForumUrls;
import io.jvcstreaming.scraper.parse.TopicPage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last page read at each URL, to answer a 304. A 304 says "same as your last 200", and that 200 may belong to
 * a crawl that failed or restarted, whose posts were never appended: so a 304 is answered from here, never read
 * as "nothing new". Bounded (least recently used goes first); a 304 for a page no longer held is fetched again in
 * full. Not thread-safe: one fetch verticle's event loop.
 */
final class AnswerCache {

  private final Map<String, TopicPage> lastRead;

  AnswerCache(int pages) {
    this.lastRead = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, TopicPage> eldest) {
        return size() > pages;
      }
    };
  }

  /** Whether a fetch may be conditional: only a page we could answer a 304 for. */
  boolean canAnswer304(String url) {
    return lastRead.containsKey(url);
  }

  /** The page a 304 stands for, or null: then fetch it again in full. */
  TopicPage answer304(String url) {
    return lastRead.get(url);
  }

  /** A page read from a 200. */
  void read(String url, TopicPage page) {
    lastRead.put(url, page);
  }

  /**
   * A topic's crawl is over and its bookmark is at {@code lastPage}: its pages before that one are dropped. The next
   * crawl starts from the last page and reads back only while every post is new, so it meets those pages again only
   * when moderation shifts posts back onto them (a full fetch then); holding them would keep every post of a whole
   * backfill in memory. A crawl that fails does not settle: its retry still gets 304s for the pages it read.
   */
  void settled(String topicUrl, int lastPage) {
    for (int page = 1; page < lastPage; page++) {
      lastRead.remove(ForumUrls.topicPageUrl(topicUrl, page));
    }
  }

  /** A page that did not parse: its next fetch must be in full. */
  void forget(String url) {
    lastRead.remove(url);
  }
}
