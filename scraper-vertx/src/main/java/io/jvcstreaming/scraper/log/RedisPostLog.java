package io.jvcstreaming.scraper.log;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log as a Redis Stream, the bookmarks as Redis hashes and the ids the log holds as a sorted set, written
 * together by one Lua script so a {@code kill -9} at any instant leaves either all or none: a post is in the log
 * exactly when the bookmark covers it, and an id in the log is never appended again (under any topic). The script
 * also refuses to write when {@code jvc:stream-id} is not the id opened at start. {@code seq} comes from a Redis
 * counter, so it continues across restarts and leader changes. A tailer reads the stream back ({@code XREAD BLOCK})
 * into {@link RecentPosts}, which is what stream clients are served from; that keeps serving while Redis is down,
 * and catches up when it returns.
 *
 * <p>This class holds the keys, opens the stream and answers bookmarks; the script and its arguments are in
 * {@link RedisAppendScript}, the tailing in {@link RedisLogTailer}.
 */
public final class RedisPostLog implements PostLog {

  private static final Logger LOG = LoggerFactory.getLogger(RedisPostLog.class);

  static final String LOG_KEY = "jvc:log";
  static final String SEQ_KEY = "jvc:seq";
  static final String STREAM_ID_KEY = "jvc:stream-id";
  static final String BOOKMARK_PREFIX = "jvc:bm:";
  /** The per-post-id guard: ids of the posts the log holds, scored by seq, trimmed with the stream. */
  static final String IDS_KEY = "jvc:ids";
  /** Refreshed on every append of the topic; see {@link BookmarkRetention} for why it must outlive the log. */
  static final long BOOKMARK_TTL_SECONDS = BookmarkRetention.TTL.toSeconds();
  /** The error the append script answers when the store is not the stream this process opened. */
  static final String STREAM_LOST = "STREAMLOST";
  /** Stream entry field holding the post's NDJSON line. */
  static final String LINE_FIELD = "l";

  private final Redis redis;
  private final RecentPosts recent;
  private final ScraperMetrics metrics;
  private final int capacity;
  private volatile String scriptSha;
  private volatile String streamId;
  private volatile boolean healthy;
  private volatile Consumer<String> streamLostHandler = reason -> { };
  private final AtomicBoolean streamLost = new AtomicBoolean();
  private final RedisLogTailer tailer;

  public RedisPostLog(Vertx vertx, String redisUrl, RecentPosts recent, ScraperMetrics metrics, int capacity) {
    this.recent = recent;
    this.metrics = metrics;
    this.capacity = capacity;
    this.redis = Redis.createClient(vertx, new RedisOptions()
        .setConnectionString(redisUrl)
        .setPreferredProtocolVersion(ProtocolVersion.RESP2)
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(1024)
        .setMaxWaitingHandlers(4096)
        .setNetClientOptions(new NetClientOptions().setConnectTimeout(3000).setTcpKeepAlive(true)));
    this.tailer = new RedisLogTailer(vertx, redis, recent, metrics, h -> healthy = h);
  }

  @Override
  public Future<Void> start() {
    return RedisAppendScript.load(redis)
        .compose(sha -> {
          scriptSha = sha;
          // the id is created with the store: a wiped Redis gets a new one, so old positions are never trusted
          return redis.send(Request.cmd(Command.SET).arg(STREAM_ID_KEY).arg(StreamIds.fresh()).arg("NX"));
        })
        .compose(created -> redis.send(Request.cmd(Command.GET).arg(STREAM_ID_KEY)))
        .compose(id -> {
          streamId = id.toString();
          return redis.send(Request.cmd(Command.GET).arg(SEQ_KEY));
        })
        .compose(this::seqOrRestored)
        .map(last -> {
          // Load the window a RESUME may ask for: the last `capacity` posts.
          long tailAfterSeq = Math.max(0, last - capacity);
          recent.startAt(last + 1); // INCR gives the first post seq 1: greet empty logs with head 0, not -1
          healthy = true;
          LOG.info("Redis log open: last seq {}, loading the last {} posts into the stream window", last,
              last - tailAfterSeq);
          tailer.start(tailAfterSeq);
          return (Void) null;
        })
        .onFailure(e -> metrics.redisError());
  }

  /**
   * The seq counter, or, when only it was lost while the log survived (a DEL, a partial restore), the seq of the
   * log's last entry, written back (NX): seq then continues under the same id instead of restarting at 1.
   */
  private Future<Long> seqOrRestored(Response seq) {
    if (seq != null && seq.toString() != null) {
      return Future.succeededFuture(seq.toLong());
    }
    return redis.send(Request.cmd(Command.XREVRANGE).arg(LOG_KEY).arg("+").arg("-").arg("COUNT").arg(1))
        .compose(last -> {
          if (last == null || last.size() == 0) {
            return Future.succeededFuture(0L);
          }
          String entryId = last.get(0).get(0).toString();
          long restored = Long.parseLong(entryId.substring(0, entryId.indexOf('-')));
          LOG.warn("Redis: {} was missing while {} holds posts up to seq {}: restored, stream {} continues",
              SEQ_KEY, LOG_KEY, restored, streamId);
          return redis.send(Request.cmd(Command.SET).arg(SEQ_KEY).arg(restored).arg("NX"))
              .compose(ok -> redis.send(Request.cmd(Command.GET).arg(SEQ_KEY)))
              .map(Response::toLong);
        });
  }

  @Override
  public String streamId() {
    return streamId;
  }

  @Override
  public Future<Bookmark> bookmark(long topicId) {
    return redis.send(Request.cmd(Command.HMGET).arg(BOOKMARK_PREFIX + topicId).arg("lastId").arg("lastPage"))
        .map(res -> {
          healthy = true;
          Response id = res.get(0);
          Response page = res.get(1);
          return id == null ? Bookmark.none(topicId)
              : new Bookmark(topicId, Long.parseLong(id.toString()), page == null ? 0 : Integer.parseInt(page.toString()));
        })
        .onFailure(this::failed);
  }

  @Override
  public Future<Integer> append(long topicId, List<Post> candidates, int lastPage) {
    return RedisAppendScript.append(redis, scriptSha, streamId, capacity, topicId, candidates, lastPage)
        .map(res -> {
          healthy = true;
          int duplicates = res.get(1).toInteger();
          if (duplicates > 0) {
            metrics.duplicatesSkipped(duplicates);
            LOG.info("topic {}: {} post(s) already in the log (a merged or moved topic) skipped", topicId, duplicates);
          }
          return res.get(0).toInteger();
        })
        .onFailure(e -> {
          if (isStreamLost(e)) {
            lost(topicId, e.getMessage());
          } else {
            failed(e);
          }
        });
  }

  static boolean isStreamLost(Throwable e) {
    return e.getMessage() != null && e.getMessage().contains(STREAM_LOST);
  }

  /** Redis no longer holds our stream: loud, counted, and handed to the scraper, which exits (once). */
  private void lost(long topicId, String reply) {
    healthy = false;
    metrics.streamLost();
    String reason = "Redis lost stream " + streamId + " while this scraper ran (wiped, FLUSHALL or lost AOF?): "
        + reply + "; append of topic " + topicId + " refused, nothing written. Restart onto a new stream (exit 3).";
    LOG.error(reason);
    if (streamLost.compareAndSet(false, true)) {
      streamLostHandler.accept(reason);
    }
  }

  @Override
  public void onStreamLost(Consumer<String> handler) {
    this.streamLostHandler = handler;
  }

  private void failed(Throwable e) {
    healthy = false;
    metrics.redisError();
  }

  @Override
  public boolean healthy() {
    return healthy && !streamLost.get(); // a lost stream does not come back by answering again
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public Future<Void> close() {
    tailer.stop();
    Promise<Void> done = Promise.promise();
    redis.close().onComplete(ar -> done.complete());
    return done.future();
  }
}
