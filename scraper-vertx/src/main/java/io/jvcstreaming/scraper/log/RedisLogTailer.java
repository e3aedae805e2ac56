package io.jvcstreaming.scraper.log;

import static io.jvcstreaming.scraper.log.RedisPostLog.LINE_FIELD;
import static io.jvcstreaming.scraper.log.RedisPostLog.LOG_KEY;

import io.jvcstreaming.retry.Backoff;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Redis log back into {@link RecentPosts}: one {@code XREAD BLOCK} after another, for as long as the log
 * runs, so stream clients are served from the window even while Redis is down; reconnects with capped, jittered
 * backoff and catches up from the last seq it read. Each answer, or failure, tells the log whether Redis is healthy.
 */
final class RedisLogTailer {

  // the log lines keep the category of the class that used to hold this code, so log configs keep matching
  private static final Logger LOG = LoggerFactory.getLogger(RedisPostLog.class);

  private final Vertx vertx;
  private final Redis redis;
  private final RecentPosts recent;
  private final ScraperMetrics metrics;
  private final Consumer<Boolean> health;
  private final Backoff tailBackoff = new Backoff(250, 30_000);
  private volatile boolean closed;
  private long tailAfterSeq = -1;

  RedisLogTailer(Vertx vertx, Redis redis, RecentPosts recent, ScraperMetrics metrics, Consumer<Boolean> health) {
    this.vertx = vertx;
    this.redis = redis;
    this.recent = recent;
    this.metrics = metrics;
    this.health = health;
  }

  /** Starts tailing after {@code afterSeq} (0: from the first entry the stream holds). */
  void start(long afterSeq) {
    tailAfterSeq = afterSeq;
    tail();
  }

  void stop() {
    closed = true;
  }

  private void tail() {
    if (closed) {
      return;
    }
    String fromId = tailAfterSeq <= 0 ? "0-0" : tailAfterSeq + "-1";
    redis.send(Request.cmd(Command.XREAD).arg("COUNT").arg(2000).arg("BLOCK").arg(1000)
            .arg("STREAMS").arg(LOG_KEY).arg(fromId))
        .onSuccess(res -> {
          tailBackoff.reset();
          health.accept(true);
          if (res != null) {
            absorb(res);
          }
          tail();
        })
        .onFailure(e -> {
          if (closed) {
            return;
          }
          health.accept(false);
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
}
