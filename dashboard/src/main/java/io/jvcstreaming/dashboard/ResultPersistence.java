package io.jvcstreaming.dashboard;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Where the latest result of each job outlives the process, so a restarted dashboard is not blank. */
interface ResultPersistence {

  /** The stored results, in any order; an empty list when there are none. */
  Future<List<JsonObject>> loadAll();

  /** Replaces the stored result of {@code result.job}. */
  Future<Void> save(JsonObject result);

  Future<Void> close();

  /** Memory only: nothing survives a restart (no {@code --redis-url}). */
  static ResultPersistence none() {
    return new ResultPersistence() {
      @Override
      public Future<List<JsonObject>> loadAll() {
        return Future.succeededFuture(List.of());
      }

      @Override
      public Future<Void> save(JsonObject result) {
        return Future.succeededFuture();
      }

      @Override
      public Future<Void> close() {
        return Future.succeededFuture();
      }
    };
  }
}
