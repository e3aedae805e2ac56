package io.jvcstreaming.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the page shows, in one place, and the fan-out of each change to the open browsers. All
 * methods run on the dashboard verticle's event loop.
 */
final class DashboardState {

  private final ResultStore results;
  private final ResultPersistence persistence;
  private final HealthTracker health;
  private final EventHub hub;
  private final UrlPolicy urls;
  private PostFeed feed;
  private long accepted;
  private long rejected;
  private long unauthorized;

  public DashboardState(ResultStore results, ResultPersistence persistence, HealthTracker health, EventHub hub,
                        UrlPolicy urls) {
    this.results = results;
    this.persistence = persistence;
    this.health = health;
    this.hub = hub;
    this.urls = urls;
  }

  void attachFeed(PostFeed postFeed) {
    this.feed = postFeed;
  }

  /** A validated result: kept, persisted, pushed. @return false when refused (too many distinct jobs). */
  public boolean ingest(JsonObject result) {
    if (ResultParser.isTopicJob(result.getString("job")) && feed != null) {
      linkTopics(result);
    }
    if (!results.accept(result)) {
      rejected++;
      return false;
    }
    accepted++;
    persistence.save(result);
    hub.broadcast("results", result);
    return true;
  }

  public void rejected() {
    rejected++;
  }

  /** A POST refused for a missing or wrong token. @return how many so far */
  public long unauthorized() {
    return ++unauthorized;
  }

  public void post(JsonObject post) {
    hub.broadcast("post", post);
  }

  public void healthChanged() {
    hub.broadcast("health", health());
  }

  /** What a browser needs to draw the whole page at once. */
  public JsonObject snapshot() {
    return new JsonObject()
        .put("forumOrigin", urls.forumOrigin())
        .put("imageHosts", new JsonArray(new ArrayList<>(UrlPolicy.IMAGE_HOSTS)))
        .put("pictureMirror", urls.pictureMirror())
        .put("results", results.all())
        .put("posts", feed == null ? new JsonArray() : feed.recent())
        .put("health", health());
  }

  public JsonObject health() {
    return new JsonObject()
        .put("scraper", health.scraper())
        .put("feed", new JsonObject()
            .put("connected", feed != null && feed.connected())
            .put("received", feed == null ? 0 : feed.received())
            .put("rejected", feed == null ? new JsonObject() : feed.rejected()))
        .put("results", new JsonObject()
            .put("accepted", accepted)
            .put("rejected", rejected)
            .put("unauthorized", unauthorized)
            .put("jobs", results.jobs())
            .put("lastBatchTime", results.lastBatchTime()))
        .put("browsers", hub.size())
        .put("now", System.currentTimeMillis());
  }

  /** Topic keys are topic ids: give each row a link that can only lead to the forum. */
  private void linkTopics(JsonObject result) {
    List<Object> rows = result.getJsonArray("top").getList();
    for (Object o : rows) {
      JsonObject row = o instanceof JsonObject j ? j : null;
      if (row == null) {
        continue;
      }
      try {
        long id = Long.parseLong(row.getString("key"));
        if (id > 0) {
          row.put("url", feed.topicUrl(id));
        }
      } catch (NumberFormatException e) {
        // not an id: shown without a link
      }
    }
  }
}
