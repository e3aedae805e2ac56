package io.jvcstreaming.scraper.log;

import static io.jvcstreaming.scraper.log.RedisPostLog.BOOKMARK_PREFIX;
import static io.jvcstreaming.scraper.log.RedisPostLog.BOOKMARK_TTL_SECONDS;
import static io.jvcstreaming.scraper.log.RedisPostLog.IDS_KEY;
import static io.jvcstreaming.scraper.log.RedisPostLog.LOG_KEY;
import static io.jvcstreaming.scraper.log.RedisPostLog.SEQ_KEY;
import static io.jvcstreaming.scraper.log.RedisPostLog.STREAM_ID_KEY;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Lua script that appends to the Redis log, and its arguments: one call writes the posts, their ids and the
 * topic's bookmark together, or nothing. Loaded once at start ({@code SCRIPT LOAD}) and called by sha; a Redis
 * that restarted without it gets the whole script once ({@code EVAL}).
 */
final class RedisAppendScript {

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

  private RedisAppendScript() {
  }

  /** {@code SCRIPT LOAD}: the sha to call it by. */
  static Future<String> load(Redis redis) {
    return redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(APPEND_SCRIPT)).map(Response::toString);
  }

  /** Runs the script for one topic's candidates; the reply is {@code {appended, duplicates skipped}}. */
  static Future<Response> append(Redis redis, String scriptSha, String streamId, int capacity, long topicId,
      List<Post> candidates, int lastPage) {
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
            : Future.failedFuture(e));
  }
}
