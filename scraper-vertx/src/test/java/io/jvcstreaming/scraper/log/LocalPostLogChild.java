package io.jvcstreaming.scraper.log;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.jvcstreaming.testkit.TestPosts;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A process that appends to a local store in a loop until it is killed, for {@link LocalPostLogIT}. Topic t's
 * posts have ids t * 1 000 000 + 1, + 2, … in order; each append re-offers the last two ids already covered (as a
 * crawl re-reading a last page does) plus 1..5 new ones. Prints {@code OPEN <stream id> <head>} once open, and
 * {@code APPENDED <head>} after each append's commit: a head printed is a head acknowledged.
 */
public final class LocalPostLogChild {

  static final long TOPIC_BASE = 1_000_000L;

  private LocalPostLogChild() {
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int topics = Integer.parseInt(args[1]);
    Vertx vertx = Vertx.vertx();
    RecentPosts recent = new RecentPosts(100_000);
    LocalPostLog log = new LocalPostLog(vertx, dir, recent, new ScraperMetrics(), 100_000);
    try {
      log.start().await();
    } catch (DataDirInUseException e) {
      System.out.println("IN-USE " + e.getMessage());
      System.out.flush();
      System.exit(2);
    }
    System.out.println("OPEN " + log.streamId() + " " + recent.lastSeq());
    System.out.flush();
    long[] next = new long[topics + 1];
    for (int t = 1; t <= topics; t++) {
      next[t] = Math.max(t * TOPIC_BASE + 1, log.bookmark(t).await().lastMessageId() + 1);
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (true) {
      int t = 1 + random.nextInt(topics);
      int fresh = 1 + random.nextInt(5);
      long from = Math.max(t * TOPIC_BASE + 1, next[t] - 2);
      List<Post> candidates = TestPosts.posts(t, from, (int) (next[t] - from) + fresh);
      int appended = log.append(t, candidates, 1 + random.nextInt(9)).await();
      if (appended != fresh) {
        System.out.println("WRONG appended " + appended + " of " + fresh + " new to topic " + t);
        System.exit(4);
      }
      next[t] += fresh;
      System.out.println("APPENDED " + recent.lastSeq());
      System.out.flush();
    }
  }
}
