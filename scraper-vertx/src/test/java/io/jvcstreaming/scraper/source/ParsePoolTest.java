package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pages are parsed on one pool of a thread per core, whichever parser opened it, never on Vert.x's 20 workers. */
class ParsePoolTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @Test
  void aBurstOfParsesRunsOnAThreadPerCoreOfTheOnePool() {
    WorkerExecutor lists = ParsePool.open(vertx);
    WorkerExecutor topics = ParsePool.open(vertx);
    int cores = Runtime.getRuntime().availableProcessors();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    // a thread pool starts a thread per task submitted until it holds its size: a pool larger than a thread per
    // core would show more names than cores after a burst like this one
    List<Future<Void>> runs = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      WorkerExecutor pool = i % 2 == 0 ? lists : topics;
      runs.add(pool.executeBlocking(() -> {
        threads.add(Thread.currentThread().getName());
        return null;
      }, false));
    }
    Future.all(runs).await();

    assertThat(threads).allMatch(name -> name.startsWith(ParsePool.NAME));
    assertThat(threads).isNotEmpty().hasSizeLessThanOrEqualTo(cores);
  }
}
