package io.jvcstreaming.scraper.ops;

import io.vertx.core.json.JsonObject;

/**
 * Whether this instance should receive stream clients: it leads (or runs alone), its log store answers
 * (or runs in memory by design), and a list page was read recently.
 *
 * @param leader        this instance scrapes and streams
 * @param storeUp       Redis answers (always true in memory)
 * @param degraded      a human-readable reason when something is off but the process keeps going
 * @param listFreshness milliseconds since the last successful list refresh (-1 if never)
 * @param maxStaleness  how old a list refresh may be before the instance is not ready
 */
public record Readiness(boolean leader, boolean storeUp, String degraded, long listFreshness, long maxStaleness) {

  public boolean ready() {
    return leader && storeUp && listFreshness >= 0 && listFreshness <= maxStaleness;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("ready", ready())
        .put("leader", leader)
        .put("store", storeUp ? "up" : "down")
        .put("degraded", degraded)
        .put("lastListRefreshMsAgo", listFreshness);
  }
}
