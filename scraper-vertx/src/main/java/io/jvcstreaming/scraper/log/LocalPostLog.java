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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log, the seq counter, the per-post-id guard and the bookmarks in one journal file under the data directory:
 * the one-machine default ({@link LocalLog}, format 3). Every append is one record of the journal, whole or not at
 * all, so a {@code kill -9} at any instant leaves both or neither, as the Redis Lua script does. The stream id is
 * written with the store, so a deleted directory is a new stream.
 *
 * <p>All store I/O runs on one worker thread, one task at a time: seqs are given, written and handed to
 * {@link RecentPosts} in order, and nothing blocks an event loop. This class is the wiring: the worker, the
 * once-a-second fsync, the rewrite of a journal grown to twice the window, the bookmark expiry, the deleted
 * directory check and the close.
 */
public final class LocalPostLog implements PostLog {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPostLog.class);

  static final String FILE_NAME = LocalLog.JOURNAL;
  private static final long SYNC_EVERY_MS = 1_000;
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
  private LocalLog store;
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
    store = LocalLog.open(dir, recent, metrics, capacity, clock);
    streamId = store.streamId();
    lastExpiry = clock.getAsLong();
    return null;
  }

  @Override
  public String streamId() {
    return streamId;
  }

  @Override
  public Future<Bookmark> bookmark(long topicId) {
    return onWorker(() -> store.bookmark(topicId)).onFailure(this::failed);
  }

  @Override
  public Future<Integer> append(long topicId, List<Post> candidates, int lastPage) {
    return onWorker(() -> appendNow(topicId, candidates, lastPage)).onFailure(this::failed);
  }

  private int appendNow(long topicId, List<Post> candidates, int lastPage) {
    if (lost) {
      throw new IllegalStateException(RedisPostLog.STREAM_LOST + " the local store " + file + " was deleted");
    }
    return store.append(topicId, candidates, lastPage);
  }

  /** Every second: fsync what was written (a power cut then loses at most ~1 s, as Redis's everysec); rarer chores. */
  private Void maintain() {
    if (closed || store == null) {
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
    store.syncIfDirty();
    if (now - lastExpiry >= EXPIRE_EVERY_MS) {
      lastExpiry = now;
      store.expireBookmarks();
    }
    if (store.rewriteDue()) {
      store.rewrite(); // the journal back to the window and the live bookmarks, so the file stays about its size
    }
    return null;
  }

  /** For tests: {@link LocalLog#expireBookmarks()} on the store's thread. */
  Future<Integer> expireBookmarksNow() {
    return onWorker(() -> store.expireBookmarks());
  }

  @Override
  public void onStreamLost(Consumer<String> handler) {
    this.streamLostHandler = handler;
  }

  private void failed(Throwable e) {
    if (store == null || e instanceof JournalFile.JournalBrokenException) {
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
      if (store != null) {
        store.close(); // syncs, releases the directory's lock
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
