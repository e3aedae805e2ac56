package io.jvcstreaming.scraper.source;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Where fetched pages are parsed: a worker pool of its own with a thread per core. Parsing is CPU work, so more
 * threads than cores only contend; on Vert.x's shared worker pool a burst of pages started one thread per page up
 * to its 20. Shared by name, so the list and the topic parsers use one pool; each verticle's handle closes with it.
 */
final class ParsePool {

  static final String NAME = "jvc-parse";

  private ParsePool() {
  }

  static WorkerExecutor open(Vertx vertx) {
    return vertx.createSharedWorkerExecutor(NAME, Math.max(1, Runtime.getRuntime().availableProcessors()));
  }
}
