package io.jvcstreaming.scraper.log;

import io.jvcstreaming.scraper.stream.RecentPosts;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * The read path of the local store: the bookmark of a topic, and the window reload at start (the whole log, at
 * most {@code capacity} posts since each append trims it, into {@link RecentPosts}). Called on the local log's
 * worker thread only.
 */
final class LocalLogReader {

  private static final int LOAD_BATCH = 2_000;

  private final MVMap<Long, byte[]> log;
  private final MVMap<Long, long[]> bookmarks;

  LocalLogReader(LocalStoreFile file) {
    this.log = file.maps.log;
    this.bookmarks = file.maps.bookmarks;
  }

  Bookmark bookmark(long topicId) {
    long[] b = bookmarks.get(topicId);
    return b == null ? Bookmark.none(topicId) : new Bookmark(topicId, b[0], (int) b[1]);
  }

  long bookmarkCount() {
    return bookmarks.sizeAsLong();
  }

  /** The whole log into the stream window, in seq order, then the window's head at {@code nextSeq}; the count. */
  long loadWindow(RecentPosts recent, long nextSeq) {
    long[] seqs = new long[LOAD_BATCH];
    byte[][] lines = new byte[LOAD_BATCH][];
    int n = 0;
    long loaded = 0;
    Cursor<Long, byte[]> cursor = log.cursor(null);
    while (cursor.hasNext()) {
      seqs[n] = cursor.next();
      lines[n] = LocalLogEntry.line(cursor.getValue());
      if (++n == LOAD_BATCH) {
        recent.appendAll(seqs, lines, n);
        loaded += n;
        n = 0;
      }
    }
    recent.appendAll(seqs, lines, n);
    loaded += n;
    recent.startAt(nextSeq); // an empty window greets with the seq just before the next one, not -1
    return loaded;
  }
}
