package io.jvcstreaming.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest result of each job. Lives on the dashboard verticle's event loop, so no locking. The number
 * of distinct jobs is capped because the job name comes from the request: a client inventing names must
 * not grow memory (and the Redis hash) without bound.
 */
final class ResultStore {

  static final int MAX_JOBS = 64;

  private final Map<String, JsonObject> latest = new TreeMap<>();
  private String lastBatchTime;

  /** Loads results read back from persistence at start, keeping the newest per job. */
  public void restore(List<JsonObject> stored) {
    for (JsonObject r : stored) {
      if (latest.size() < MAX_JOBS || latest.containsKey(r.getString("job"))) {
        latest.put(r.getString("job"), r);
        noteBatchTime(r.getString("batchTime"));
      }
    }
  }

  /** @return false when this would be a new job beyond {@link #MAX_JOBS} */
  public boolean accept(JsonObject result) {
    String job = result.getString("job");
    if (!latest.containsKey(job) && latest.size() >= MAX_JOBS) {
      return false;
    }
    latest.put(job, result);
    noteBatchTime(result.getString("batchTime"));
    return true;
  }

  /** The latest result of every job, keyed by job name. */
  public JsonObject all() {
    JsonObject out = new JsonObject();
    latest.forEach((job, r) -> out.put(job, r.copy()));
    return out;
  }

  public JsonArray jobs() {
    return new JsonArray(List.copyOf(latest.keySet()));
  }

  /** The newest batchTime seen from any job, ISO-8601, or null. */
  public String lastBatchTime() {
    return lastBatchTime;
  }

  private void noteBatchTime(String iso) {
    // ISO-8601 instants from Instant.toString() compare correctly as strings only with equal precision;
    // parse to be safe.
    if (iso == null) {
      return;
    }
    if (lastBatchTime == null || java.time.Instant.parse(iso).isAfter(java.time.Instant.parse(lastBatchTime))) {
      lastBatchTime = iso;
    }
  }
}
