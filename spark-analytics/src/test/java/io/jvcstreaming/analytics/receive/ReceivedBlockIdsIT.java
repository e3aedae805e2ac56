package io.jvcstreaming.analytics.receive;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.analytics.testing.TestStreamServer;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaReceiverInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ids the real receiver stores with each block, read back on the driver through Spark's receiver tracker, against
 * what the blocks hold: same blocks, same order, same posts, with the write-ahead log on as in production.
 */
class ReceivedBlockIdsIT {

  private static final List<String> MISMATCHES = new CopyOnWriteArrayList<>();
  private static final AtomicInteger POSTS_SEEN = new AtomicInteger();
  private static final AtomicInteger BLOCKS_SEEN = new AtomicInteger();

  @TempDir
  Path temp;
  private JavaStreamingContext ssc;
  private TestStreamServer server;

  @AfterEach
  void stop() throws Exception {
    if (ssc != null) {
      ssc.stop(true, false);
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyBlockOfEveryBatchComesWithTheIdsOfItsPostsInOrder() throws Exception {
    server = new TestStreamServer();
    SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("received-block-ids")
        .set("spark.ui.enabled", "false")
        .set("spark.streaming.blockInterval", "100ms")
        .set("spark.streaming.receiver.writeAheadLog.enable", "true")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.driver.host", "127.0.0.1");
    ssc = new JavaStreamingContext(conf, Durations.milliseconds(500));
    String checkpoint = temp.resolve("checkpoint").toString();
    ssc.checkpoint(checkpoint);
    JavaReceiverInputDStream<Post> received =
        ssc.receiverStream(new NdjsonReceiver("127.0.0.1", server.port(), checkpoint, true));
    ReceivedBlockIds blockIds = new ReceivedBlockIds(received.receiverInputDStream());
    received.foreachRDD((rdd, time) -> {
      List<List<Post>> blocks = rdd.glom().collect();
      Optional<List<BlockIds>> ids = blockIds.ofBatch(time, blocks.size());
      if (ids.isEmpty()) {
        MISMATCHES.add(time + ": no ids for " + blocks.size() + " blocks");
        return;
      }
      for (int b = 0; b < blocks.size(); b++) {
        List<String> posts = new ArrayList<>();
        blocks.get(b).forEach(p -> posts.add(p.topicId() + ":" + p.id()));
        List<String> fromIds = new ArrayList<>();
        BlockIds block = ids.get().get(b);
        for (int i = 0; i < block.size(); i++) {
          fromIds.add(block.topic(i) + ":" + block.id(i));
        }
        if (!posts.equals(fromIds)) {
          MISMATCHES.add(time + " block " + b + ": posts " + posts + " ids " + fromIds);
        }
        POSTS_SEEN.addAndGet(posts.size());
        BLOCKS_SEEN.incrementAndGet();
      }
    });
    ssc.start();

    TestPosts posts = new TestPosts(21);
    for (int round = 0; round < 5; round++) {
      server.append(posts.next(200));
      int expected = 200 * (round + 1);
      assertThat(Await.within(Duration.ofSeconds(60), () -> POSTS_SEEN.get() >= expected))
          .as("posts seen after round %d: %d", round, POSTS_SEEN.get()).isTrue();
    }
    assertThat(MISMATCHES).isEmpty();
    assertThat(POSTS_SEEN.get()).isEqualTo(1000);
    assertThat(BLOCKS_SEEN.get()).isGreaterThanOrEqualTo(5);
  }
}
