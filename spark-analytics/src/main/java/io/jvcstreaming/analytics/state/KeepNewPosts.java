package io.jvcstreaming.analytics.state;

import io.jvcstreaming.analytics.metrics.JobMetrics;
import io.jvcstreaming.analytics.receive.BlockIds;
import io.jvcstreaming.analytics.receive.ReceivedBlockIds;
import io.jvcstreaming.model.Post;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.Function3;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The posts every count reads: the received ones that are new for their topic's {@link HighWaterMark}, so a block
 * received twice across a driver crash counts once.
 *
 * <p>Per batch: the batch's ids by topic ({@link TopicIds}) go to the state's partitions in a small shuffle, grouped
 * on the driver from the {@link BlockIds} the receiver stored with each block (or, for a stream without them,
 * grouped inside each received partition from its posts); the mark's {@code mapWithState} turns them into the
 * {@link Passes} of each topic; every task that reads a received partition then gets the whole {@link PassTable}
 * (a few bytes per post of the batch) next to it and keeps the posts that pass. The posts themselves never leave
 * their blocks: shuffling them by topic into the state, which then cached them, cost more than the counts they
 * feed (spark-analytics/BENCHMARKS.md).
 */
public final class KeepNewPosts {

  private static final Logger LOG = LoggerFactory.getLogger(KeepNewPosts.class);

  private KeepNewPosts() {
  }

  /**
   * The posts that count and, per topic, which ones they are.
   *
   * @param posts {@code received} through the marks: what every count reads
   * @param passes each batch's {@link Passes}, one per topic of the batch: how many posts count, without reading them
   */
  public record NewPosts(JavaDStream<Post> posts, JavaDStream<Passes> passes) {
  }

  /**
   * {@code received} through the marks; the mark state lives in {@code partitions} partitions. With
   * {@code blockIds}, the ids of a batch come from its blocks' metadata on the driver instead of a read of the posts.
   */
  public static NewPosts apply(JavaDStream<Post> received, ReceivedBlockIds blockIds, Duration idleTimeout,
                               int partitions) {
    JavaDStream<Passes> passes = received
        .transformToPair(new IdsByTopic(blockIds, partitions))
        .mapWithState(StateSpec.function(new HighWaterMark()).timeout(idleTimeout));
    return new NewPosts(received.transformWith(passes, new KeepPassing()), passes);
  }

  /**
   * The batch's ids by topic, reduced into the state's partitions: from the blocks' {@link BlockIds} when the
   * receiver tracker knows them for every block (one small task, no read of the posts), else from each partition's
   * posts.
   */
  static final class IdsByTopic implements Function2<JavaRDD<Post>, Time, JavaPairRDD<Long, TopicIds>> {
    private static final long serialVersionUID = 1L;
    private final ReceivedBlockIds blockIds;
    private final int partitions;

    /** {@code blockIds} null: always read the posts. */
    IdsByTopic(ReceivedBlockIds blockIds, int partitions) {
      this.blockIds = blockIds;
      this.partitions = partitions;
    }

    @Override
    public JavaPairRDD<Long, TopicIds> call(JavaRDD<Post> posts, Time time) {
      Optional<List<BlockIds>> known = blockIds == null ? Optional.empty()
          : blockIds.ofBatch(time, posts.getNumPartitions());
      if (known.isPresent()) {
        return JavaSparkContext.fromSparkContext(posts.context()).parallelizePairs(ofBlocks(known.get()), 1)
            .partitionBy(new HashPartitioner(partitions));
      }
      if (blockIds != null && posts.getNumPartitions() > 0) {
        JobMetrics.current().idsReadFromPosts();
        LOG.warn("batch {}: the ids of its {} block(s) are not all known to the receiver tracker; read from the"
            + " posts instead", time, posts.getNumPartitions());
      }
      return JavaPairRDD.fromJavaRDD(posts.mapPartitionsWithIndex(new OfPartition(), true))
          .reduceByKey(new Merge(), partitions);
    }
  }

  /** The ids by topic of a batch whose blocks are {@code blocks}, block {@code i} being partition {@code i}. */
  static List<Tuple2<Long, TopicIds>> ofBlocks(List<BlockIds> blocks) {
    Map<Long, TopicIds> byTopic = new HashMap<>();
    for (int partition = 0; partition < blocks.size(); partition++) {
      BlockIds block = blocks.get(partition);
      for (int i = 0; i < block.size(); i++) {
        byTopic.computeIfAbsent(block.topic(i), TopicIds::new).add(block.id(i), partition);
      }
    }
    List<Tuple2<Long, TopicIds>> out = new ArrayList<>(byTopic.size());
    byTopic.forEach((topic, ids) -> out.add(new Tuple2<>(topic, ids)));
    return out;
  }

  /** One received partition's ids by topic. */
  static final class OfPartition implements Function2<Integer, Iterator<Post>, Iterator<Tuple2<Long, TopicIds>>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Tuple2<Long, TopicIds>> call(Integer partition, Iterator<Post> posts) {
      Map<Long, TopicIds> byTopic = new HashMap<>();
      posts.forEachRemaining(p -> byTopic.computeIfAbsent(p.topicId(), TopicIds::new).add(p.id(), partition));
      List<Tuple2<Long, TopicIds>> out = new ArrayList<>(byTopic.size());
      byTopic.forEach((topic, ids) -> out.add(new Tuple2<>(topic, ids)));
      return out.iterator();
    }
  }

  static final class Merge implements Function2<TopicIds, TopicIds, TopicIds> {
    private static final long serialVersionUID = 1L;

    @Override
    public TopicIds call(TopicIds a, TopicIds b) {
      return a.merge(b);
    }
  }

  /**
   * The received posts zipped, partition by partition, with a copy of the batch's pass table. With no received
   * partition at all the table is still read, so the marks' state (and its idle timeouts) advances every batch.
   */
  static final class KeepPassing implements Function3<JavaRDD<Post>, JavaRDD<Passes>, Time, JavaRDD<Post>> {
    private static final long serialVersionUID = 1L;

    @Override
    public JavaRDD<Post> call(JavaRDD<Post> posts, JavaRDD<Passes> passes, Time time) {
      JavaRDD<PassTable> table = passes.coalesce(1).mapPartitions(new ToTable());
      int n = posts.getNumPartitions();
      if (n == 0) {
        return table.flatMap(new NoPosts());
      }
      List<Integer> indices = IntStream.range(0, n).boxed().collect(Collectors.toList());
      JavaPairRDD<Integer, PassTable> copies = JavaSparkContext.fromSparkContext(posts.context())
          .parallelize(indices, n).cartesian(table);
      return posts.zipPartitions(copies, new Keep());
    }
  }

  static final class ToTable implements FlatMapFunction<Iterator<Passes>, PassTable> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<PassTable> call(Iterator<Passes> passes) {
      return List.of(PassTable.of(passes)).iterator();
    }
  }

  static final class NoPosts implements FlatMapFunction<PassTable, Post> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Post> call(PassTable table) {
      return Collections.emptyIterator();
    }
  }

  /** One received partition's posts that pass, in the order they were received. */
  static final class Keep
      implements FlatMapFunction2<Iterator<Post>, Iterator<Tuple2<Integer, PassTable>>, Post> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Post> call(Iterator<Post> posts, Iterator<Tuple2<Integer, PassTable>> copy) {
      Tuple2<Integer, PassTable> partitionAndTable = copy.next();
      PassTable.Keeper keeper = partitionAndTable._2().keeper(partitionAndTable._1());
      List<Post> kept = new ArrayList<>();
      posts.forEachRemaining(p -> {
        if (keeper.keep(p)) {
          kept.add(p);
        }
      });
      return kept.iterator();
    }
  }
}
