package io.jvcstreaming.scraper.log;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.retry.Backoff;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log as a Redis Stream, the bookmarks as Redis hashes and the ids the log holds as a sorted set, written
 * together by one Lua script so a {@code kill -9} at any instant leaves either all or none: a post is in the log
 * exactly when the bookmark covers it, and an id in the log is never appended again (under any topic). The script
 * also refuses to write when {@code jvc:stream-id} is not the id opened at start. {@code seq} comes from a Redis counter, so it continues across restarts and leader
 * changes. A tailer reads the stream back ({@code XREAD BLOCK}) into {@link RecentPosts}, which is what
 * stream clients are served from; that keeps serving while Redis is down, and catches up when it returns.
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

  /*
   * KEYS: bookmark hash, log stream, seq counter, stream id, id guard. ARGV: lastPage, maxlen, ttl, the stream id
   * this process opened, then (id, line) pairs sorted by id, each line encoded with seq 0 (its first 8 bytes are
   * {"seq":0) so the script only splices the seq in. Returns {appended, duplicates skipped}.
   * A missing or different stream id (Redis wiped while we run), or a seq counter gone while the log is there,
   * writes nothing: a seq counter restarted under the old id would make every reader's position lie.
   */
  static final String APPEND_SCRIPT = """
      local current = redis.call('GET', KEYS[4])
      if current ~= ARGV[4] then
        return redis.error_reply('STREAMLOST jvc:stream-id is ' .. (current or '(missing)') .. ', this scraper opened ' .. ARGV[4])
      end
      if redis.call('EXISTS', KEYS[3]) == 0 and redis.call('EXISTS', KEYS[2]) == 1 then
        return redis.error_reply('STREAMLOST jvc:seq is missing while jvc:log holds posts of stream ' .. ARGV[4])
      end
      local maxId = tonumber(redis.call('HGET', KEYS[1], 'lastId') or '0')
      local appended = 0
      local duplicates = 0
      local seq = nil
      for i = 5, #ARGV, 2 do
        local id = tonumber(ARGV[i])
        if id > maxId then
          maxId = id
          if redis.call('ZSCORE', KEYS[5], ARGV[i]) then
            duplicates = duplicates + 1
          else
            seq = redis.call('INCR', KEYS[3])
            local line = '{"seq":' .. seq .. string.sub(ARGV[i + 1], 9)
            redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], seq .. '-1', 'l', line)
            redis.call('ZADD', KEYS[5], seq, ARGV[i])
            appended = appended + 1
          end
        end
      end
      if seq then
        redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', seq - tonumber(ARGV[2]))
      end
      redis.call('HSET', KEYS[1], 'lastId', string.format('%d', maxId), 'lastPage', ARGV[1])
      redis.call('EXPIRE', KEYS[1], ARGV[3])
      return {appended, duplicates}
      """;

  private final Vertx vertx;
  private final Redis redis;
  private final RecentPosts recent;
  private final ScraperMetrics metrics;
  private final int capacity;
  private volatile String scriptSha;
  private volatile String streamId;
  private volatile boolean healthy;
  private volatile boolean closed;
  private final Backoff tailBackoff = new Backoff(250, 30_000);
  private volatile Consumer<String> streamLostHandler = reason -> { };
  private final AtomicBoolean streamLost = new AtomicBoolean();
  private long tailAfterSeq = -1;

  public RedisPostLog(Vertx vertx, String redisUrl, RecentPosts recent, ScraperMetrics metrics, int capacity) {
    this.vertx = vertx;
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
  }

  @Override
  public Future<Void> start() {
    return redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(APPEND_SCRIPT))
        .compose(sha -> {
          scriptSha = sha.toString();
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
          tailAfterSeq = Math.max(0, last - capacity);
          recent.startAt(last + 1); // INCR gives the first post seq 1: greet empty logs with head 0, not -1
          healthy = true;
          LOG.info("Redis log open: last seq {}, loading the last {} posts into the stream window", last,
              last - tailAfterSeq);
          tail();
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

  /** One XREAD BLOCK after another, for as long as we run; reconnects with capped, jittered backoff. */
  private void tail() {
    if (closed) {
      return;
    }
    String fromId = tailAfterSeq <= 0 ? "0-0" : tailAfterSeq + "-1";
    redis.send(Request.cmd(Command.XREAD).arg("COUNT").arg(2000).arg("BLOCK").arg(1000)
            .arg("STREAMS").arg(LOG_KEY).arg(fromId))
        .onSuccess(res -> {
          tailBackoff.reset();
          healthy = true;
          if (res != null) {
            absorb(res);
          }
          tail();
        })
        .onFailure(e -> {
          if (closed) {
            return;
          }
          healthy = false;
          metrics.redisError();
          long delay = tailBackoff.nextDelayMillis();
          LOG.warn("Redis tail failed ({}); serving what the stream window holds, retrying in {} ms", e.getMessage(), delay);
          vertx.setTimer(delay, t -> tail());
        });
  }

  private void absorb(Response res) {
    Response entries = res.get(0).get(1);
    int n = entries.size();
    long[] seqs = new long[n];
    byte[][] lines = new byte[n][];
    int count = 0;
    for (Response entry : entries) {
      String id = entry.get(0).toString();
      long seq = Long.parseLong(id.substring(0, id.indexOf('-')));
      Response fields = entry.get(1);
      byte[] line = null;
      for (int i = 0; i + 1 < fields.size(); i += 2) {
        if (LINE_FIELD.equals(fields.get(i).toString())) {
          byte[] raw = fields.get(i + 1).toBytes();
          line = new byte[raw.length + 1];
          System.arraycopy(raw, 0, line, 0, raw.length);
          line[raw.length] = '\n';
        }
      }
      if (line != null) {
        seqs[count] = seq;
        lines[count] = line;
        count++;
      }
      tailAfterSeq = seq;
    }
    recent.appendAll(seqs, lines, count);
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
    Request eval = Request.cmd(Command.EVALSHA).arg(scriptSha);
    Request fallback = Request.cmd(Command.EVAL).arg(APPEND_SCRIPT);
    for (Request r : List.of(eval, fallback)) {
      r.arg(5).arg(BOOKMARK_PREFIX + topicId).arg(LOG_KEY).arg(SEQ_KEY).arg(STREAM_ID_KEY).arg(IDS_KEY)
          .arg(lastPage).arg(capacity).arg(BOOKMARK_TTL_SECONDS).arg(streamId);
    }
    for (Post post : candidates) {
      byte[] line = PostCodec.encodeLine(post.withSeq(0));
      String json = new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
      eval.arg(post.id()).arg(json);
      fallback.arg(post.id()).arg(json);
    }
    return redis.send(eval)
        .recover(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")
            ? redis.send(fallback) // Redis restarted without our script: send it whole once
            : Future.failedFuture(e))
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
    closed = true;
    Promise<Void> done = Promise.promise();
    redis.close().onComplete(ar -> done.complete());
    return done.future();
  }
}
