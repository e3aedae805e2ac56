package io.jvcstreaming.analytics.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.receive.BlockIds;
import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.StateImpl;
import org.apache.spark.streaming.Time;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The whole filter on a real local Spark context: ids by topic out of the received partitions, the marks, then the
 * posts zipped with the pass table, partition by partition.
 */
class KeepNewPostsIT {

  private static JavaSparkContext sc;

  @BeforeAll
  static void start() {
    sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("keep-new-posts")
        .set("spark.ui.enabled", "false"));
  }

  @AfterAll
  static void stop() {
    sc.stop();
  }

  @Test
  void eachPostCountsOnceAndOnlyAboveItsTopicsMark() {
    // three received blocks: a recovered block and its re-received copy overlap (12), one block holds a post twice
    // (topic 8's 5), one holds only what the mark already counted (topic 7's 9 and 10)
    JavaRDD<Post> received = blocks(
        List.of(post(7, 11), post(7, 12)),
        List.of(post(7, 12), post(7, 13), post(8, 5), post(8, 5)),
        List.of(post(7, 9), post(7, 10)));
    Map<Long, Long> marks = Map.of(7L, 10L);

    List<Passes> passes = new ArrayList<>();
    Map<Long, Long> after = new java.util.HashMap<>();
    for (Tuple2<Long, TopicIds> topic : new KeepNewPosts.IdsByTopic(null, 2).call(received, new Time(3000)).collect()) {
      StateImpl<Long> state = new StateImpl<>();
      state.wrap(scala.Option.apply(marks.get(topic._1())));
      passes.add(new HighWaterMark().call(topic._1(), Optional.of(topic._2()), state));
      after.put(topic._1(), state.get());
    }
    List<Post> kept = new KeepNewPosts.KeepPassing()
        .call(received, sc.parallelize(passes, 2), new Time(3000)).collect();

    assertThat(kept).extracting(p -> p.topicId() + ":" + p.id())
        .containsExactlyInAnyOrder("7:11", "7:12", "7:13", "8:5");
    assertThat(after).isEqualTo(Map.of(7L, 13L, 8L, 5L));
  }

  @Test
  void theBlocksIdsGroupLikeAReadOfTheirPosts() {
    List<List<Post>> blocks = List.of(
        List.of(post(7, 11), post(7, 12), post(9, 1)),
        List.of(post(7, 12), post(7, 13), post(8, 5), post(8, 5)),
        List.of(post(9, 2), post(7, 10)));
    JavaRDD<Post> received = sc.parallelize(blocks, blocks.size()).flatMap(List::iterator);
    List<BlockIds> ids = blocks.stream().map(BlockIds::of).toList();

    Map<Long, String> read = asText(new KeepNewPosts.IdsByTopic(null, 2).call(received, new Time(3000)).collect());
    Map<Long, String> fromIds = asText(KeepNewPosts.ofBlocks(ids));

    assertThat(fromIds).isEqualTo(read)
        .containsEntry(7L, "11@0 12@0 12@1 13@1 10@2").containsEntry(8L, "5@1 5@1").containsEntry(9L, "1@0 2@2");
  }

  private static Map<Long, String> asText(List<Tuple2<Long, TopicIds>> topics) {
    Map<Long, String> out = new java.util.HashMap<>();
    for (Tuple2<Long, TopicIds> topic : topics) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < topic._2().size(); i++) {
        text.append(i == 0 ? "" : " ").append(topic._2().id(i)).append('@').append(topic._2().partition(i));
      }
      out.put(topic._1(), text.toString());
    }
    return out;
  }

  @Test
  void aBatchWithNoBlockStillReadsItsPassTable() {
    JavaRDD<Post> none = sc.emptyRDD();
    JavaRDD<Post> kept = new KeepNewPosts.KeepPassing()
        .call(none, sc.parallelize(List.of(Passes.none(7L)), 2), new Time(3000));
    // one task over the table (the marks' state is computed every batch), and no post out of it
    assertThat(kept.getNumPartitions()).isEqualTo(1);
    assertThat(kept.collect()).isEmpty();
  }

  @SafeVarargs
  private static JavaRDD<Post> blocks(List<Post>... blocks) {
    return sc.parallelize(List.of(blocks), blocks.length).flatMap(List::iterator);
  }

  private static Post post(long topic, long id) {
    return new Post(id, id, topic, "topic", "author", Instant.EPOCH, "text", List.of(), "http://x/");
  }
}
