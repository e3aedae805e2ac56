package io.jvcstreaming.scraper.dedup;

import io.jvcstreaming.codec.PostCodec;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log as a Redis Stream and the bookmarks as Redis hashes, written together by one Lua script so a
 * {@code kill -9} at any instant leaves either both or neither: a post is in the log exactly when the
 * bookmark covers it. {@code seq} comes from a Redis counter, so it continues across restarts and leader
 * changes. A tailer reads the stream back ({@code XREAD BLOCK}) into {@link RecentPosts}, which is what
 * stream clients are served from; that keeps serving while Redis is down, and catches up when it returns.
 */
public final class RedisPostLog implements PostLog {

  private static final Logger LOG = LoggerFactory.getLogger(RedisPostLog.class);

  static final String LOG_KEY = "jvc:log";
  static final String SEQ_KEY = "jvc:seq";
  static final String STREAM_ID_KEY = "jvc:stream-id";
  static final String BOOKMARK_PREFIX = "jvc:bm:";
  /** A bookmark outlives a week of silence; a topic quiet for longer is bumped rarely enough to re-read. */
  static final int BOOKMARK_TTL_SECONDS = 7 * 24 * 3600;
  /** Stream entry field holding the post's NDJSON line. */
  static final String LINE_FIELD = "l";

  /*
   * KEYS: bookmark hash, log stream, seq counter. ARGV: lastPage, maxlen, ttl, then (id, line) pairs sorted by
   * id, each line encoded with seq 0 (its first 8 bytes are {"seq":0) so the script only splices the seq in.
   */
  static final String APPEND_SCRIPT = """
      local last = tonumber(redis.call('HGET', KEYS[1], 'lastId') or '0')
      local maxId = last
      local appended = 0
      for i = 4, #ARGV, 2 do
        local id = tonumber(ARGV[i])
        if id > maxId then
          local seq = redis.call('INCR', KEYS[3])
          local line = '{"seq":' .. seq .. string.sub(ARGV[i + 1], 9)
          redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], seq .. '-1', 'l', line)
          maxId = id
          appended = appended + 1
        end
      end
      redis.call('HSET', KEYS[1], 'lastId', string.format('%d', maxId), 'lastPage', ARGV[1])
      redis.call('EXPIRE', KEYS[1], ARGV[3])
      return appended
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
  private long tailAfterSeq = -1;
  private int tailFailures;

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
        .map(seq -> {
          long last = seq == null ? 0 : seq.toLong();
          // Load the window a RESUME may ask for: the last `capacity` posts.
          tailAfterSeq = Math.max(0, last - capacity);
          healthy = true;
          LOG.info("Redis log open: last seq {}, loading the last {} posts into the stream window", last,
              last - tailAfterSeq);
          tail();
          return (Void) null;
        })
        .onFailure(e -> metrics.redisError());
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
          tailFailures = 0;
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
          long delay = backoff(++tailFailures);
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
      r.arg(3).arg(BOOKMARK_PREFIX + topicId).arg(LOG_KEY).arg(SEQ_KEY)
          .arg(lastPage).arg(capacity).arg(BOOKMARK_TTL_SECONDS);
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
          return res.toInteger();
        })
        .onFailure(this::failed);
  }

  @Override
  public Future<Void> forget(long topicId) {
    return redis.send(Request.cmd(Command.DEL).arg(BOOKMARK_PREFIX + topicId)).<Void>mapEmpty().onFailure(this::failed);
  }

  private void failed(Throwable e) {
    healthy = false;
    metrics.redisError();
  }

  @Override
  public boolean healthy() {
    return healthy;
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

  static long backoff(int failures) {
    long cap = Math.min(30_000, 250L << Math.min(failures, 7));
    return cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
  }
}
