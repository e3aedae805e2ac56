package io.jvcstreaming.scraper.source;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.log.Bookmark;
import io.jvcstreaming.scraper.parse.ForumUrls;
import io.jvcstreaming.scraper.parse.TopicPage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The crawl of one topic as a state machine, without I/O: told the bookmark and each page's answer, it says which
 * page to fetch next, and at the end what to append (or that the topic is gone, or that the crawl fails).
 * {@link TopicFetchVerticle} does the fetching and the appending.
 *
 * <p>Pages are read from the last one backwards, until a page holds a post the bookmark already covers.
 * Backwards because moderation deletes messages and later ones shift to earlier pages: reading backwards, a post
 * can only shift onto a page we have not read yet (seen twice at worst, and deduped by id), never onto one already
 * behind us, which would lose it. A topic that grew past the page we started from is crawled again from its new
 * last page, a few times at most; a redirect past the end (the topic shrank) is followed to the real last page.
 * A crawl that fails appends nothing: the bookmark never moves past a page we did not read.
 */
final class TopicCrawl {

  /** A topic that grows while we crawl it is crawled again from its new last page, this many times at most. */
  static final int MAX_RESTARTS = 3;

  /** What to do next. */
  enum Kind { FETCH, APPEND, NOTHING_NEW, GONE, FAIL }

  /**
   * @param page    {@link Kind#FETCH}: the page to fetch
   * @param url     {@link Kind#FETCH}: its URL; {@link Kind#FAIL}: the URL the failure is about
   * @param fresh   {@link Kind#APPEND}: the posts above the bookmark, ascending id (maybe none)
   * @param lastPage {@link Kind#APPEND}: the topic's last page as seen, for the bookmark
   * @param reason  {@link Kind#FAIL}: why
   */
  record Step(Kind kind, int page, String url, List<Post> fresh, int lastPage, String reason) {

    static Step fetch(int page, String url) {
      return new Step(Kind.FETCH, page, url, List.of(), 0, null);
    }

    static Step fail(String url, String reason) {
      return new Step(Kind.FAIL, 0, url, List.of(), 0, reason);
    }
  }

  private final TopicWork work;
  private final Bookmark bookmark;
  private final int backfillPages;
  private final TreeMap<Long, Post> posts = new TreeMap<>();
  private int restarts;
  private int startPage;
  private int pagesRead;
  private int maxPageSeen;

  /** @param backfillPages how many pages a topic never streamed is read back from its last one */
  TopicCrawl(TopicWork work, Bookmark bookmark, int backfillPages) {
    this.work = work;
    this.bookmark = bookmark;
    this.backfillPages = backfillPages;
  }

  /** The first step: the last page the list announced. */
  Step start() {
    return from(work.lastPage());
  }

  private Step from(int lastPage) {
    posts.clear();
    pagesRead = 0;
    startPage = lastPage;
    maxPageSeen = lastPage;
    return fetch(lastPage);
  }

  private Step fetch(int page) {
    return Step.fetch(page, ForumUrls.topicPageUrl(work.url(), page));
  }

  /** A page was read (fetched and parsed, or answered 304 from the last read). */
  Step onPage(int page, TopicPage parsed) {
    pagesRead++;
    if (page == startPage && parsed.lastPage() > startPage) {
      return grew(parsed.lastPage());
    }
    maxPageSeen = Math.max(maxPageSeen, Math.max(page, parsed.lastPage()));
    long minId = Long.MAX_VALUE;
    for (Post post : parsed.posts()) {
      posts.putIfAbsent(post.id(), post);
      minId = Math.min(minId, post.id());
    }
    boolean more;
    if (page <= 1) {
      more = false;
    } else if (bookmark.isNew()) {
      more = pagesRead < backfillPages;
    } else {
      // every post here is new: the page before may hold new ones too
      more = !parsed.posts().isEmpty() && minId > bookmark.lastMessageId();
    }
    return more ? fetch(page - 1) : end();
  }

  /** The page answered a redirect to {@code location} (absolute). */
  Step onRedirect(int page, String location) {
    OptionalLong target = ForumUrls.topicId(location);
    OptionalInt targetPage = ForumUrls.pageOf(location);
    if (target.isEmpty() || target.getAsLong() != work.topicId() || targetPage.isEmpty()) {
      return onGone(); // unknown topic: sent to the forum's home
    }
    int real = targetPage.getAsInt();
    if (real < page) {
      // past the end: the topic shrank (deletions); its real last page is where we are sent
      return page == startPage ? grew(real) : fetch(real);
    }
    return Step.fail(location, "redirect loop to page " + real + " from " + page);
  }

  /** The page answered 404 or 410, or sent us away from the topic. */
  Step onGone() {
    return new Step(Kind.GONE, 0, null, List.of(), 0, null);
  }

  private Step grew(int lastPage) {
    if (restarts >= MAX_RESTARTS) {
      return Step.fail(work.url(), "topic keeps growing during the crawl");
    }
    restarts++;
    return from(lastPage);
  }

  private Step end() {
    List<Post> fresh = new ArrayList<>();
    for (Post post : posts.values()) {
      if (post.id() > bookmark.lastMessageId()) {
        fresh.add(post);
      }
    }
    if (fresh.isEmpty() && maxPageSeen == bookmark.lastPage()) {
      return new Step(Kind.NOTHING_NEW, 0, null, List.of(), maxPageSeen, null);
    }
    return new Step(Kind.APPEND, 0, null, fresh, maxPageSeen, null);
  }
}
