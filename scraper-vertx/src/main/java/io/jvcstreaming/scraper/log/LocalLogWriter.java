package io.jvcstreaming.scraper.log;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-writer commit path of the local store: an append (posts + ids + bookmark + next seq) is one MVStore
 * commit, handed to {@link RecentPosts} only once committed; the fsync of those commits and the bookmark expiry.
 * Not thread-safe on purpose: only the local log's one worker thread calls it, which is what orders the seqs.
 */
final class LocalLogWriter {

  // the log lines keep the category of the class that used to hold this code, so log configs keep matching
  private static final Logger LOG = LoggerFactory.getLogger(LocalPostLog.class);

  private final MVStore store;
  private final MVMap<String, String> meta;
  private final MVMap<Long, byte[]> log;
  private final MVMap<Long, Long> ids;
  private final MVMap<Long, long[]> bookmarks;
  private final RecentPosts recent;
  private final ScraperMetrics metrics;
  private final int capacity;
  private final LongSupplier clock;
  private long nextSeq;
  private boolean unsynced;

  LocalLogWriter(LocalStoreFile file, RecentPosts recent, ScraperMetrics metrics, int capacity, LongSupplier clock) {
    this.store = file.store;
    this.meta = file.meta;
    this.log = file.maps.log;
    this.ids = file.maps.ids;
    this.bookmarks = file.maps.bookmarks;
    this.recent = recent;
    this.metrics = metrics;
    this.capacity = capacity;
    this.clock = clock;
    this.nextSeq = file.nextSeq();
  }

  long nextSeq() {
    return nextSeq;
  }

  int append(long topicId, List<Post> candidates, int lastPage) {
    long[] bookmark = bookmarks.get(topicId);
    long maxId = bookmark == null ? 0 : bookmark[0];
    long firstSeq = nextSeq;
    long seq = nextSeq;
    int appended = 0;
    int duplicates = 0;
    long[] seqs = new long[candidates.size()];
    byte[][] lines = new byte[candidates.size()][];
    try {
      for (Post post : candidates) {
        if (post.id() <= maxId) {
          continue;
        }
        maxId = post.id();
        if (ids.containsKey(post.id())) {
          duplicates++;
          continue;
        }
        byte[] line = PostCodec.encodeLine(post.withSeq(seq));
        log.put(seq, LocalLogEntry.encode(post.id(), line));
        ids.put(post.id(), seq);
        seqs[appended] = seq;
        lines[appended] = line;
        appended++;
        seq++;
      }
      bookmarks.put(topicId, new long[] {maxId, lastPage, clock.getAsLong()});
      trim(seq);
      meta.put("nextSeq", Long.toString(seq));
      store.commit(); // the one step that makes all of the above durable, or none of it
    } catch (RuntimeException e) {
      // back to the last commit, so that the next append starts from what the file holds
      if (!store.isClosed()) {
        store.rollback();
      }
      throw e;
    }
    nextSeq = seq;
    unsynced = true;
    recent.appendAll(seqs, lines, appended);
    if (duplicates > 0) {
      metrics.duplicatesSkipped(duplicates);
      LOG.info("topic {}: {} post(s) already in the log (a merged or moved topic) skipped", topicId, duplicates);
    }
    if (appended > 0 && LOG.isDebugEnabled()) {
      LOG.debug("topic {}: seqs {}..{} committed", topicId, firstSeq, seq - 1);
    }
    return appended;
  }

  /** Keeps the last {@code capacity} posts: the oldest go, with their ids, in the same commit. */
  private void trim(long next) {
    long keepFrom = next - capacity;
    Long oldest = log.firstKey();
    while (oldest != null && oldest < keepFrom) {
      byte[] entry = log.remove(oldest);
      ids.remove(LocalLogEntry.postId(entry));
      oldest = log.higherKey(oldest);
    }
  }

  /** Fsyncs what was committed since the last call, if anything was. */
  void syncIfDirty() {
    if (unsynced) {
      store.sync();
      unsynced = false;
    }
  }

  /** Drops bookmarks untouched for {@link BookmarkRetention#TTL}, in one commit. */
  int expireBookmarks() {
    long now = clock.getAsLong();
    int dropped = 0;
    Iterator<Map.Entry<Long, long[]>> it = bookmarks.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, long[]> e = it.next();
      if (BookmarkRetention.expired(e.getValue()[2], now)) {
        bookmarks.remove(e.getKey());
        dropped++;
      }
    }
    if (dropped > 0) {
      store.commit();
      LOG.info("local store: {} bookmark(s) untouched for {} days dropped", dropped, BookmarkRetention.TTL.toDays());
    }
    return dropped;
  }
}
