package io.jvcstreaming.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Redis hash, {@value #KEY}: field = job name, value = the normalized result JSON. A hash rather than
 * a key per job so the start-up load is one {@code HGETALL}. Writes are chained so they reach Redis in
 * the order results arrived (a pooled client could otherwise let an older batch overwrite a newer one).
 */
final class RedisResultPersistence implements ResultPersistence {

  public static final String KEY = "jvc:dash:results";

  private static final Logger LOG = LoggerFactory.getLogger(RedisResultPersistence.class);

  private final Redis client;
  private final RedisAPI api;
  private Future<Void> tail = Future.succeededFuture();
  private long lastWarnNanos;

  /**
   * @param url      {@code redis[s]://[[user]:password@]host:port[/db]} (percent-encode special characters)
   * @param password the password when it is not in the URL (from a Secret, {@code REDIS_PASSWORD}), or null
   */
  public RedisResultPersistence(Vertx vertx, String url, String password) {
    RedisOptions options = new RedisOptions()
        .setConnectionString(url)
        .setPassword(password)
        .setNetClientOptions(new NetClientOptions().setConnectTimeout(2000).setTcpKeepAlive(true))
        .setMaxPoolWaiting(64);
    this.client = Redis.createClient(vertx, options);
    this.api = RedisAPI.api(client);
  }

  @Override
  public Future<List<JsonObject>> loadAll() {
    return api.hgetall(KEY).map(RedisResultPersistence::decode);
  }

  @Override
  public Future<Void> save(JsonObject result) {
    String job = result.getString("job");
    String json = result.encode();
    Future<Void> next = tail.eventually(() -> api.hset(List.of(KEY, job, json)))
        .<Void>mapEmpty()
        .onFailure(this::warn);
    // Failures must not break the chain for later writes.
    tail = next.recover(e -> Future.succeededFuture());
    return next;
  }

  @Override
  public Future<Void> close() {
    return tail.eventually(client::close);
  }

  private void warn(Throwable e) {
    long now = System.nanoTime();
    // A Redis outage fails every write; one line per 30 s is enough to notice it.
    if (lastWarnNanos == 0 || now - lastWarnNanos > 30_000_000_000L) {
      lastWarnNanos = now;
      LOG.warn("cannot save the latest result to Redis ({}); it is kept in memory only until Redis is back", e.toString());
    }
  }

  private static List<JsonObject> decode(Response response) {
    List<JsonObject> out = new ArrayList<>();
    if (response == null) {
      return out;
    }
    // RESP3 answers HGETALL with a map, RESP2 with a flat field/value array.
    if (response.type() == ResponseType.MULTI && !response.getKeys().isEmpty()) {
      for (String field : response.getKeys()) {
        add(out, field, response.get(field));
      }
    } else {
      for (int i = 0; i + 1 < response.size(); i += 2) {
        add(out, response.get(i).toString(), response.get(i + 1));
      }
    }
    return out;
  }

  private static void add(List<JsonObject> out, String field, Response value) {
    if (value == null) {
      return;
    }
    try {
      // Re-validated: the hash is shared infrastructure, not trusted more than a POST.
      out.add(ResultParser.normalize(new JsonObject(value.toString()), Instant.now()));
    } catch (DecodeException | InvalidResultException e) {
      LOG.warn("ignoring the stored result of '{}' in {}: {}", field, KEY, e.getMessage());
    }
  }
}
