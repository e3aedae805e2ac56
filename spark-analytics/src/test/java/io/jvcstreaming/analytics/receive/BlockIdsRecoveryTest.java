package io.jvcstreaming.analytics.receive;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.testing.TestPosts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.storage.StreamBlockId;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.receiver.BlockManagerBasedStoreResult;
import org.apache.spark.streaming.scheduler.ReceivedBlockInfo;
import org.apache.spark.streaming.scheduler.ReceivedBlockTracker;
import org.apache.spark.util.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * The block metadata through a driver restart: Spark's own {@code ReceivedBlockTracker}, recovering from its
 * write-ahead log, must find the blocks it had given to a batch, which it does by equality of their
 * {@code ReceivedBlockInfo} (the metadata included) read back from the log.
 */
class BlockIdsRecoveryTest {

  private static final int STREAM = 0;

  @TempDir
  Path checkpoint;

  @Test
  void equalPostsMakeEqualMetadataAcrossSerialization() throws Exception {
    BlockIds ids = BlockIds.of(new TestPosts(7).next(50));
    BlockIds copy = roundTrip(ids);
    assertThat(copy).isNotSameAs(ids).isEqualTo(ids).hasSameHashCodeAs(ids);
    assertThat(copy).isNotEqualTo(BlockIds.of(new TestPosts(8).next(50)));
    ReceivedBlockInfo info = info(1, ids);
    assertThat(roundTrip(info)).isEqualTo(info);
  }

  @Test
  void aRecoveredTrackerKeepsAllocatedBlocksOutOfTheNextBatch() {
    TestPosts posts = new TestPosts(51);
    SparkConf conf = new SparkConf(false);
    ManualClock clock = new ManualClock(0);
    ReceivedBlockTracker before = tracker(conf, clock, false);
    List<ReceivedBlockInfo> allocated = new ArrayList<>();
    for (int b = 0; b < 5; b++) {
      ReceivedBlockInfo block = info(b, BlockIds.of(posts.next(20)));
      assertThat(before.addBlock(block)).isTrue();
      allocated.add(block);
    }
    before.allocateBlocksToBatch(new Time(1_000));
    ReceivedBlockInfo pending = info(99, BlockIds.of(posts.next(20)));
    assertThat(before.addBlock(pending)).isTrue(); // stored, not yet in a batch when the driver stops
    before.stop();

    ReceivedBlockTracker after = tracker(conf, clock, true);
    try {
      List<ReceivedBlockInfo> batch = JavaConverters.seqAsJavaList(after.getBlocksOfBatchAndStream(new Time(1_000), STREAM));
      assertThat(batch).containsExactlyElementsOf(allocated);
      // only the block no batch had taken is left for the next one, not the whole log again
      assertThat(JavaConverters.seqAsJavaList(after.getUnallocatedBlocks(STREAM))).containsExactly(pending);
    } finally {
      after.stop();
    }
  }

  private ReceivedBlockTracker tracker(SparkConf conf, ManualClock clock, boolean recover) {
    return new ReceivedBlockTracker(conf, new Configuration(), JavaConverters.asScalaBuffer(List.<Object>of(STREAM)).toSeq(),
        clock, recover, Option.apply(checkpoint.toString()));
  }

  private static ReceivedBlockInfo info(long block, BlockIds ids) {
    Option<Object> records = Option.apply((Object) (long) ids.size());
    return new ReceivedBlockInfo(STREAM, records, Option.apply((Object) ids),
        new BlockManagerBasedStoreResult(new StreamBlockId(STREAM, block), records));
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
