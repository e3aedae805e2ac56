package io.jvcstreaming.scraper.log;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local store, format 3: the window of the last {@code capacity} posts (held by {@link RecentPosts}), their
 * id guard, the bookmarks and the seq counter live in memory, and every append is first one record of the
 * {@link JournalFile}, written whole or not at all, then applied: so a {@code kill -9} at any instant leaves the
 * posts, their ids and the bookmark together or none of them, and a restart reads the journal back into the same
 * state. When the journal holds twice the window, it is rewritten to the window and the live bookmarks (a new
 * file, synced, renamed over the old one). Formats 1 and 2 (an H2 MVStore file) are imported once, at the first
 * open ({@link LegacyStoreImport}). Not thread-safe: {@link LocalPostLog}'s one worker thread.
 */
final class LocalLog implements AutoCloseable {

  // the log lines keep the category of the class that used to hold this code, so log configs keep matching
  private static final Logger LOG = LoggerFactory.getLogger(LocalPostLog.class);

  static final String JOURNAL = "jvc-log.journal";
  private static final int LOAD_BATCH = 2_000;
  private static final int POSTS_PER_RECORD = 1_000;
  private static final long REWRITE_RETRY_MS = 60_000;

  private final Path dir;
  private final Path journalPath;
  private final RecentPosts recent;
  private final ScraperMetrics metrics;
  private final int capacity;
  private final LongSupplier clock;
  private final DataDirLock lock;
  private final Map<Long, long[]> bookmarks = new HashMap<>();
  private final PostIdGuard guard;
  private JournalFile journal;
  private String streamId;
  private long createdAtMillis;
  private long nextSeq;
  private long postsInFile;
  private long rewriteNotBefore;

  private LocalLog(Path dir, RecentPosts recent, ScraperMetrics metrics, int capacity, LongSupplier clock,
      DataDirLock lock) {
    this.dir = dir;
    this.journalPath = dir.resolve(JOURNAL);
    this.recent = recent;
    this.metrics = metrics;
    this.capacity = capacity;
    this.clock = clock;
    this.lock = lock;
    this.guard = new PostIdGuard(capacity);
  }

  /** Opens (creates, imports or reads back) the store under {@code dir}, holding its lock until {@link #close}. */
  static LocalLog open(Path dir, RecentPosts recent, ScraperMetrics metrics, int capacity, LongSupplier clock) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir.toAbsolutePath().normalize(), e);
    }
    LocalLog log = new LocalLog(dir, recent, metrics, capacity, clock, DataDirLock.take(dir));
    try {
      log.openJournal();
      return log;
    } catch (RuntimeException e) {
      log.close();
      throw e;
    }
  }

  private void openJournal() {
    Path legacy = dir.resolve(LegacyStoreImport.FILE_NAME);
    Path partial = dir.resolve(JOURNAL + ".tmp");
    try {
      Files.deleteIfExists(partial); // a rewrite or an import cut short: the journal (or the legacy file) still holds all
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + partial, e);
    }
    if (!Files.exists(journalPath)) {
      if (Files.exists(legacy)) {
        LegacyStoreImport.run(dir, legacy, partial, journalPath, clock);
      } else {
        create(partial);
        return;
      }
    } else if (Files.exists(legacy)) {
      LegacyStoreImport.setAside(legacy, "imported before the last stop");
    }
    Loader loader = new Loader();
    journal = JournalFile.open(journalPath, payload -> JournalRecords.read(payload, loader), scan -> {
      if (scan.cutBytes() > 0) {
        LOG.warn("local store {}: its last {} byte(s) held an append cut short (the process was killed while "
            + "writing it); cut back to the last whole one: those posts were never streamed, their topic is read "
            + "again", journalPath.toAbsolutePath().normalize(), scan.cutBytes());
      }
    });
    loader.flush();
    if (streamId == null) {
      throw new IllegalStateException("local store " + journalPath.toAbsolutePath().normalize()
          + " holds no stream record (move the directory away to start a new stream)");
    }
    int expired = expireBookmarks();
    recent.startAt(nextSeq); // an empty window greets with the seq just before the next one, not -1
    LOG.info("local store {} open: stream {}, next seq {}, {} post(s) loaded into the stream window, {} bookmark(s)"
            + "{}", journalPath.toAbsolutePath().normalize(), streamId, nextSeq, recent.size(), bookmarks.size(),
        expired > 0 ? " (" + expired + " expired dropped)" : "");
  }

  /** A new store is a new stream: positions of any earlier one mean nothing here. */
  private void create(Path partial) {
    streamId = StreamIds.fresh();
    createdAtMillis = clock.getAsLong();
    JournalFile fresh = JournalFile.create(partial);
    try {
      fresh.append(JournalRecords.stream(streamId, createdAtMillis, 0));
      fresh.sync();
      fresh.moveTo(journalPath);
    } catch (RuntimeException e) {
      fresh.close();
      throw e;
    }
    journal = fresh;
    recent.startAt(0);
    LOG.info("local store created at {}: new stream {}", journalPath.toAbsolutePath().normalize(), streamId);
  }

  /** Replays the journal's records into the in-memory state, checking that seqs follow each other. */
  private final class Loader implements JournalRecords.Reader {
    private final long[] seqs = new long[LOAD_BATCH];
    private final byte[][] lines = new byte[LOAD_BATCH][];
    private int pending;

    @Override
    public void stream(String id, long createdAt, long firstSeq) {
      if (streamId != null) {
        throw new IllegalStateException("local store " + journalPath + ": a second stream record");
      }
      streamId = id;
      createdAtMillis = createdAt;
      nextSeq = firstSeq;
    }

    @Override
    public void bookmark(long topicId, long maxId, int lastPage, long atMillis) {
      requireStream();
      bookmarks.put(topicId, new long[] {maxId, lastPage, atMillis});
    }

    @Override
    public void post(long seq, long postId, byte[] line) {
      requireStream();
      if (seq != nextSeq) {
        throw new IllegalStateException("local store " + journalPath.toAbsolutePath().normalize() + ": post seq "
            + seq + " where seq " + nextSeq + " was due (move the directory away to start a new stream)");
      }
      guard.add(seq, postId);
      seqs[pending] = seq;
      lines[pending] = line;
      if (++pending == LOAD_BATCH) {
        flush();
      }
      nextSeq++;
      postsInFile++;
    }

    private void requireStream() {
      if (streamId == null) {
        throw new IllegalStateException("local store " + journalPath + ": records before the stream record");
      }
    }

    void flush() {
      recent.appendAll(seqs, lines, pending);
      pending = 0;
    }
  }

  String streamId() {
    return streamId;
  }

  Bookmark bookmark(long topicId) {
    long[] b = bookmarks.get(topicId);
    return b == null ? Bookmark.none(topicId) : new Bookmark(topicId, b[0], (int) b[1]);
  }

  /** See {@link PostLog#append}: one journal record, then the state and the window. */
  int append(long topicId, List<Post> candidates, int lastPage) {
    long[] bookmark = bookmarks.get(topicId);
    FreshPosts fresh = FreshPosts.choose(candidates, bookmark == null ? 0 : bookmark[0], guard, nextSeq);
    long[] moved = {fresh.maxId, lastPage, clock.getAsLong()};
    // one record: written whole, or nothing below happens
    journal.append(JournalRecords.append(topicId, moved, fresh.seqs, fresh.ids, fresh.lines, fresh.count));
    bookmarks.put(topicId, moved);
    fresh.addTo(guard);
    nextSeq += fresh.count;
    postsInFile += fresh.count;
    recent.appendAll(fresh.seqs, fresh.lines, fresh.count);
    fresh.reportDuplicates(topicId, metrics, LOG);
    return fresh.count;
  }

  /**
   * Drops bookmarks untouched for {@link BookmarkRetention#TTL}. Nothing is written: the next rewrite leaves them
   * out, and until then an open drops them again as it reads the journal back.
   */
  int expireBookmarks() {
    long now = clock.getAsLong();
    int dropped = 0;
    Iterator<Map.Entry<Long, long[]>> it = bookmarks.entrySet().iterator();
    while (it.hasNext()) {
      if (BookmarkRetention.expired(it.next().getValue()[2], now)) {
        it.remove();
        dropped++;
      }
    }
    if (dropped > 0) {
      LOG.info("local store: {} bookmark(s) untouched for {} days dropped", dropped, BookmarkRetention.TTL.toDays());
    }
    return dropped;
  }

  void syncIfDirty() {
    journal.syncIfDirty();
  }

  /** Whether the journal holds twice the window: then {@link #rewrite} it (a minute after a rewrite that failed). */
  boolean rewriteDue() {
    return postsInFile >= 2L * capacity && clock.getAsLong() >= rewriteNotBefore;
  }

  /**
   * Writes the window and the live bookmarks to a new journal, synced, then renamed over the old one: a crash
   * before the rename leaves the old journal whole (the partial file is removed at the next open).
   */
  void rewrite() {
    Path partial = dir.resolve(JOURNAL + ".tmp");
    long from = recent.size() == 0 ? nextSeq : Math.max(recent.firstSeq(), nextSeq - capacity);
    JournalFile fresh = null;
    long written;
    try {
      fresh = JournalFile.create(partial);
      fresh.append(JournalRecords.stream(streamId, createdAtMillis, from));
      JournalRecords.appendBookmarks(fresh, bookmarks.entrySet());
      written = writeWindow(fresh, from);
      fresh.sync();
      fresh.moveTo(journalPath);
    } catch (RuntimeException e) {
      rewriteNotBefore = clock.getAsLong() + REWRITE_RETRY_MS; // a full disk is not retried every second
      if (fresh != null) {
        fresh.close();
      }
      try {
        Files.deleteIfExists(partial);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    // renamed: from here on the new file is the journal, whatever closing the old one says
    JournalFile old = journal;
    journal = fresh;
    postsInFile = written;
    try {
      old.close();
    } catch (RuntimeException e) {
      LOG.warn("local store {}: closing the journal it replaced failed: {}", journalPath, e.toString());
    }
    LOG.info("local store {} rewritten: {} post(s) from seq {}, {} bookmark(s)",
        journalPath.toAbsolutePath().normalize(), written, from, bookmarks.size());
  }

  private long writeWindow(JournalFile out, long from) {
    List<byte[]> chunk = new ArrayList<>(POSTS_PER_RECORD);
    long[] seqs = new long[POSTS_PER_RECORD];
    long[] ids = new long[POSTS_PER_RECORD];
    long seq = from;
    long written = 0;
    while (seq < nextSeq) {
      chunk.clear();
      long next = recent.read(seq, POSTS_PER_RECORD, JournalFile.MAX_RECORD_BYTES / 2, chunk);
      if (next < 0 || chunk.isEmpty()) {
        throw new IllegalStateException("local store " + journalPath + ": the window no longer holds seq " + seq);
      }
      for (int i = 0; i < chunk.size(); i++) {
        seqs[i] = seq + i;
        ids[i] = guard.idAt(seq + i);
      }
      out.append(JournalRecords.posts(seqs, ids, chunk.toArray(new byte[0][]), chunk.size()));
      written += chunk.size();
      seq = next;
    }
    return written;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    if (journal != null) {
      try {
        journal.close();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    try {
      lock.close();
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
