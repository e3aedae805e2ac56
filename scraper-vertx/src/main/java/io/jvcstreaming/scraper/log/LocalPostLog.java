package io.jvcstreaming.scraper.log;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log, the seq counter, the per-post-id guard and the bookmarks in one embedded H2 MVStore file under the
 * data directory: the one-machine default. Every append is one MVStore commit (posts + ids + bookmark + next
 * seq), and MVStore reopens at the last complete commit, so a {@code kill -9} at any instant leaves both or
 * neither, as the Redis Lua script does. The stream id is written with the store, so a deleted directory is a
 * new stream.
 *
 * <p>All store I/O runs on one worker thread, one task at a time: seqs are given, committed and handed to
 * {@link RecentPosts} in order, and nothing blocks an event loop. Auto-commit is off (a background commit between
 * two puts of one append would break the atomicity); this class syncs, compacts and expires bookmarks itself.
 */
public final class LocalPostLog implements PostLog {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPostLog.class);

  static final String FILE_NAME = "jvc-log.mv.db";
  static final String FORMAT = LocalStoreMaps.FORMAT_2;
  private static final long SYNC_EVERY_MS = 1_000;
  private static final long COMPACT_EVERY_MS = 60_000;
  private static final long EXPIRE_EVERY_MS = 3_600_000;
  private static final int LOAD_BATCH = 2_000;

  private final Vertx vertx;
  private final Path dir;
  private final Path file;
  private final RecentPosts recent;
  private final ScraperMetrics metrics;
  private final int capacity;
  private final LongSupplier clock;
  private WorkerExecutor worker;
  private long timerId = -1;

  // touched only on the worker thread
  private MVStore store;
  private MVMap<String, String> meta;
  private MVMap<Long, byte[]> log;
  private MVMap<Long, Long> ids;
  private MVMap<Long, long[]> bookmarks;
  private long nextSeq;
  private boolean unsynced;
  private long lastCompact;
  private long lastExpiry;

  private volatile String streamId;
  private volatile boolean healthy;
  private volatile boolean closed;
  private volatile boolean lost;
  private volatile Consumer<String> streamLostHandler = reason -> { };
  private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();

  public LocalPostLog(Vertx vertx, Path dir, RecentPosts recent, ScraperMetrics metrics, int capacity) {
    this(vertx, dir, recent, metrics, capacity, System::currentTimeMillis);
  }

  LocalPostLog(Vertx vertx, Path dir, RecentPosts recent, ScraperMetrics metrics, int capacity, LongSupplier clock) {
    this.vertx = vertx;
    this.dir = dir;
    this.file = dir.resolve(FILE_NAME);
    this.recent = recent;
    this.metrics = metrics;
    this.capacity = capacity;
    this.clock = clock;
  }

  @Override
  public Future<Void> start() {
    worker = vertx.createSharedWorkerExecutor("jvc-local-log", 1);
    return onWorker(this::open).onFailure(e -> worker.close()).onSuccess(v -> {
      healthy = true;
      timerId = vertx.setPeriodic(SYNC_EVERY_MS, t -> onWorker(this::maintain)
          .onFailure(e -> LOG.warn("local store {}: maintenance failed: {}", file, e.toString())));
    });
  }

  private <T> Future<T> onWorker(java.util.concurrent.Callable<T> task) {
    return closed ? Future.failedFuture(new IllegalStateException("local store " + file + " is closed"))
        : worker.executeBlocking(task, true);
  }

  private Void open() {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir.toAbsolutePath().normalize(), e);
    }
    try {
      store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    } catch (MVStoreException e) {
      if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        throw new DataDirInUseException(dir, file, e);
      }
      throw new IllegalStateException("cannot open the local store " + file.toAbsolutePath().normalize() + ": "
          + e.getMessage() + " (move the directory away to start a new stream)", e);
    }
    meta = store.openMap("meta");
    String id = meta.get("streamId");
    String format = meta.get("format");
    if (id != null && LocalStoreMaps.FORMAT_1.equals(format) && StreamIds.valid(id)) {
      LocalStoreMaps maps = LocalStoreMaps.migrate(store);
      meta.put("format", FORMAT);
      store.commit();
      useMaps(maps);
      LOG.info("local store {} migrated from format 1 to {} (typed maps): {} post(s), {} bookmark(s), stream {}",
          file.toAbsolutePath().normalize(), FORMAT, log.sizeAsLong(), bookmarks.sizeAsLong(), id);
    } else {
      useMaps(LocalStoreMaps.open(store));
    }
    if (id == null) {
      // a new store is a new stream: positions of any earlier one mean nothing here
      id = StreamIds.fresh();
      meta.put("format", FORMAT);
      meta.put("streamId", id);
      meta.put("nextSeq", "0");
      meta.put("createdAt", java.time.Instant.ofEpochMilli(clock.getAsLong()).toString());
      store.commit();
      LOG.info("local store created at {}: new stream {}", file.toAbsolutePath().normalize(), id);
    } else if (!FORMAT.equals(meta.get("format")) || !StreamIds.valid(id)) {
      store.closeImmediately();
      throw new IllegalStateException("local store " + file.toAbsolutePath().normalize() + " has format "
          + meta.get("format") + " and stream id " + id + ", this scraper reads formats " + LocalStoreMaps.FORMAT_1
          + " and " + FORMAT + " (move the directory away to start a new stream)");
    }
    streamId = id;
    nextSeq = Long.parseLong(meta.get("nextSeq"));
    lastCompact = lastExpiry = clock.getAsLong();
    loadWindow();
    return null;
  }

  private void useMaps(LocalStoreMaps maps) {
    log = maps.log;
    ids = maps.ids;
    bookmarks = maps.bookmarks;
  }

  /** The whole log (at most {@code capacity} posts, trimmed at each append) into the stream window, in seq order. */
  private void loadWindow() {
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
    LOG.info("local store {} open: stream {}, next seq {}, {} post(s) loaded into the stream window, {} bookmark(s)",
        file.toAbsolutePath().normalize(), streamId, nextSeq, loaded, bookmarks.sizeAsLong());
  }

  @Override
  public String streamId() {
    return streamId;
  }

  @Override
  public Future<Bookmark> bookmark(long topicId) {
    return onWorker(() -> {
      long[] b = bookmarks.get(topicId);
      return b == null ? Bookmark.none(topicId) : new Bookmark(topicId, b[0], (int) b[1]);
    }).onFailure(this::failed);
  }

  @Override
  public Future<Integer> append(long topicId, List<Post> candidates, int lastPage) {
    return onWorker(() -> appendNow(topicId, candidates, lastPage)).onFailure(this::failed);
  }

  private int appendNow(long topicId, List<Post> candidates, int lastPage) {
    if (lost) {
      throw new IllegalStateException(RedisPostLog.STREAM_LOST + " the local store " + file + " was deleted");
    }
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

  /** Every second: fsync what was committed (a power cut then loses at most ~1 s, as Redis's everysec); rarer chores. */
  private Void maintain() {
    if (closed || store == null || store.isClosed()) {
      return null;
    }
    if (!lost && !Files.exists(file)) {
      // the directory was deleted under us: what we would write goes to a file nobody will open again
      lost = true;
      healthy = false;
      metrics.streamLost();
      String reason = "the local store " + file.toAbsolutePath().normalize() + " of stream " + streamId
          + " was deleted while this scraper ran: appends refused. Restart onto a new stream (exit 3).";
      LOG.error(reason);
      streamLostHandler.accept(reason);
      return null;
    }
    long now = clock.getAsLong();
    if (unsynced) {
      store.sync();
      unsynced = false;
    }
    if (now - lastExpiry >= EXPIRE_EVERY_MS) {
      lastExpiry = now;
      expireBookmarks();
    }
    if (now - lastCompact >= COMPACT_EVERY_MS) {
      lastCompact = now;
      // rewrites chunks the trimmed log left mostly empty, so the file stays about the size of the window
      store.compact(50, 16 * 1024 * 1024);
      store.commit();
    }
    return null;
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

  /** For tests: {@link #expireBookmarks()} on the store's thread. */
  Future<Integer> expireBookmarksNow() {
    return onWorker(this::expireBookmarks);
  }

  @Override
  public void onStreamLost(Consumer<String> handler) {
    this.streamLostHandler = handler;
  }

  private void failed(Throwable e) {
    if (store == null || store.isClosed() || store.getPanicException() != null) {
      healthy = false;
    }
    LOG.warn("local store {}: {}", file, e.toString());
  }

  @Override
  public boolean healthy() {
    return healthy;
  }

  @Override
  public boolean durable() {
    return true;
  }

  /** The directory of the store (printed at start). */
  public Path dir() {
    return dir;
  }

  @Override
  public Future<Void> close() {
    if (worker == null || !closing.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    healthy = false;
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    Promise<Void> done = Promise.promise();
    Future<Void> storeClosed = onWorker(() -> {
      closed = true; // in the queue after every append already asked for: those complete, later ones are refused
      if (store != null && !store.isClosed()) {
        store.close(); // commits nothing new (every append committed), syncs, releases the file lock
      }
      return null;
    });
    storeClosed.onComplete(ar -> {
      if (ar.failed()) {
        LOG.warn("local store {}: close failed: {}", file, ar.cause().toString());
      }
      worker.close().onComplete(x -> done.complete());
    });
    return done.future();
  }
}
