package io.jvcstreaming.scraper.log;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.h2.mvstore.MVStore;
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
 * It is the wiring: {@link LocalStoreFile} opens (creates, migrates or refuses) the store, {@link LocalLogWriter}
 * is the commit path, {@link LocalLogReader} the bookmark reads and the window reload.
 */
public final class LocalPostLog implements PostLog {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPostLog.class);

  static final String FILE_NAME = "jvc-log.mv.db";
  private static final long SYNC_EVERY_MS = 1_000;
  private static final long COMPACT_EVERY_MS = 60_000;
  private static final long EXPIRE_EVERY_MS = 3_600_000;

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
  private LocalLogWriter writer;
  private LocalLogReader reader;
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
    LocalStoreFile opened = LocalStoreFile.open(dir, file, clock);
    store = opened.store;
    writer = new LocalLogWriter(opened, recent, metrics, capacity, clock);
    reader = new LocalLogReader(opened);
    streamId = opened.streamId;
    lastCompact = lastExpiry = clock.getAsLong();
    long loaded = reader.loadWindow(recent, writer.nextSeq());
    LOG.info("local store {} open: stream {}, next seq {}, {} post(s) loaded into the stream window, {} bookmark(s)",
        file.toAbsolutePath().normalize(), streamId, writer.nextSeq(), loaded, reader.bookmarkCount());
    return null;
  }

  @Override
  public String streamId() {
    return streamId;
  }

  @Override
  public Future<Bookmark> bookmark(long topicId) {
    return onWorker(() -> reader.bookmark(topicId)).onFailure(this::failed);
  }

  @Override
  public Future<Integer> append(long topicId, List<Post> candidates, int lastPage) {
    return onWorker(() -> appendNow(topicId, candidates, lastPage)).onFailure(this::failed);
  }

  private int appendNow(long topicId, List<Post> candidates, int lastPage) {
    if (lost) {
      throw new IllegalStateException(RedisPostLog.STREAM_LOST + " the local store " + file + " was deleted");
    }
    return writer.append(topicId, candidates, lastPage);
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
    writer.syncIfDirty();
    if (now - lastExpiry >= EXPIRE_EVERY_MS) {
      lastExpiry = now;
      writer.expireBookmarks();
    }
    if (now - lastCompact >= COMPACT_EVERY_MS) {
      lastCompact = now;
      // rewrites chunks the trimmed log left mostly empty, so the file stays about the size of the window
      store.compact(50, 16 * 1024 * 1024);
      store.commit();
    }
    return null;
  }

  /** For tests: {@link LocalLogWriter#expireBookmarks()} on the store's thread. */
  Future<Integer> expireBookmarksNow() {
    return onWorker(() -> writer.expireBookmarks());
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
