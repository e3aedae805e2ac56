package io.jvcstreaming.analytics.receive;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.dstream.ReceiverInputDStream;
import org.apache.spark.streaming.scheduler.ReceivedBlockInfo;
import org.apache.spark.streaming.scheduler.ReceivedBlockTracker;
import org.apache.spark.streaming.scheduler.ReceiverTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.Iterator;
import scala.collection.JavaConverters;

/**
 * Driver side, after a graceful stop: the blocks a receiver stored that no batch of this run got are handed back to
 * the stream by moving the receiver's bookmark to just before them, so the next start receives their posts again
 * instead of losing them.
 *
 * <p>Why there are such blocks: Spark's graceful stop stops the receivers, then closes the driver's block log (on
 * with any checkpoint), then waits for the blocks still unallocated to be given to a batch, which can no longer
 * happen (allocating writes to that closed log). The blocks stored between the last batch cut and the receivers'
 * stop stay in the log for the next start, and neither way of getting them back from there is certain:
 * <ul>
 *   <li>without the receiver's write-ahead log ({@code --wal false}) their data lived only in the stopped
 *   executors' memory: the next start finds the blocks empty ("Some blocks could not be recovered as they were not
 *   found in memory");</li>
 *   <li>with it, the next start gives them to the first batch it reschedules, and when that batch's state was
 *   already checkpointed by the stopping run (a batch generated, empty, while the stop waited) the recomputed
 *   counts are not used: their posts were lost in about one stop out of three of {@code GracefulStopRestartIT}.</li>
 * </ul>
 * The receiver, whose bookmark was written after each store, would resume after them. Here its position goes back
 * to the seq before the first such block, and each topic's high-water mark to below the block's first id of that
 * topic (ids ascend per topic in a stream, so no post kept before those blocks is let through again). When the
 * next start does count a block from the log as well, the counts' own per-topic mark ({@code KeepNewPosts}) drops
 * the copy received again, in the same batch or a later one.
 *
 * <p>Spark gives no public view of the tracker's unallocated blocks: its {@code receivedBlockTracker} is read by
 * reflection. When that fails, a WARN says how many posts may be lost, and nothing is changed.
 */
public final class LeftoverBlocks {

  private static final Logger LOG = LoggerFactory.getLogger(LeftoverBlocks.class);

  private LeftoverBlocks() {
  }

  /**
   * For each of our receivers' streams of the stopped {@code ssc}: moves its bookmark back before the blocks left
   * unallocated. Returns the posts the next start receives again.
   * Call it after a graceful stop has returned (the receivers are stopped: nobody else writes their bookmarks).
   */
  public static long handBack(StreamingContext ssc) {
    ReceivedBlockTracker tracker;
    try {
      tracker = blockTracker(ssc);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("cannot read Spark's receiver tracker ({}): posts stored after the last batch was cut may be lost",
          e.toString());
      return 0;
    }
    long handedBack = 0;
    for (ReceiverInputDStream<?> input : ssc.graph().getReceiverInputStreams()) {
      if (input.getReceiver() instanceof NdjsonReceiver receiver) {
        handedBack += handBack(tracker, input.id(), receiver.checkpointDir());
      }
    }
    return handedBack;
  }

  /** Spark's driver-side block tracker of {@code ssc}: a private val of its receiver tracker, read by reflection. */
  static ReceivedBlockTracker blockTracker(StreamingContext ssc) throws ReflectiveOperationException {
    Method accessor = ReceiverTracker.class.getDeclaredMethod("receivedBlockTracker");
    accessor.setAccessible(true);
    return (ReceivedBlockTracker) accessor.invoke(ssc.scheduler().receiverTracker());
  }

  /** The blocks of stream {@code streamId} that no batch got (yet): what a graceful stop leaves to the next start. */
  public static List<ReceivedBlockInfo> unallocatedBlocks(StreamingContext ssc, int streamId)
      throws ReflectiveOperationException {
    return JavaConverters.seqAsJavaList(blockTracker(ssc).getUnallocatedBlocks(streamId));
  }

  private static long handBack(ReceivedBlockTracker tracker, int streamId, String checkpointDir) {
    List<BlockIds> left = new ArrayList<>();
    long unknown = 0;
    Iterator<ReceivedBlockInfo> blocks = tracker.getUnallocatedBlocks(streamId).iterator();
    while (blocks.hasNext()) {
      ReceivedBlockInfo block = blocks.next();
      if (block.metadataOption().nonEmpty() && block.metadataOption().get() instanceof BlockIds ids) {
        left.add(ids);
      } else {
        unknown += block.numRecords().isEmpty() ? 0 : (Long) block.numRecords().get();
      }
    }
    if (unknown > 0) {
      LOG.warn("receiver {}: {} post(s) stored after the last batch was cut, in blocks without their seqs: may be"
          + " lost", streamId, unknown);
    }
    if (left.isEmpty()) {
      return 0;
    }
    try {
      return rewind(new SeqBookmark(checkpointDir, streamId), left, streamId);
    } catch (IOException | RuntimeException e) {
      LOG.error("receiver {}: cannot move the bookmark back before the {} block(s) left for the next start ({});"
          + " their posts may be lost", streamId, left.size(), e.toString(), e);
      return 0;
    }
  }

  /** Moves the bookmark back before {@code left}; returns the posts in them, 0 when it changed nothing. */
  static long rewind(SeqBookmark bookmark, List<BlockIds> left, int streamId) throws IOException {
    Optional<SeqBookmark.Saved> saved = bookmark.load(TopicMarks.DEFAULT_CAPACITY);
    long first = Long.MAX_VALUE;
    long posts = 0;
    Map<Long, Long> lowestId = new HashMap<>();
    for (BlockIds block : left) {
      if (block.size() == 0) {
        continue;
      }
      first = Math.min(first, block.firstSeq());
      posts += block.size();
      for (int i = 0; i < block.size(); i++) {
        lowestId.merge(block.topic(i), block.id(i), Math::min);
      }
    }
    if (saved.isEmpty() || posts == 0 || first < 0 || first - 1 >= saved.get().seq()) {
      LOG.warn("receiver {}: {} post(s) stored after the last batch was cut, but the bookmark {} ({}) is not past"
          + " them: left as it is", streamId, posts, bookmark, saved.map(s -> "seq " + s.seq()).orElse("none"));
      return 0;
    }
    SeqBookmark.Saved s = saved.get();
    lowestId.forEach((topic, id) -> s.marks().lower(topic, id - 1));
    bookmark.save(s.streamId(), first - 1, s.marks());
    LOG.info("receiver {}: {} post(s) stored after the last batch was cut are in no batch;"
        + " bookmark {} moved back from seq {} to {}: the next start receives them again", streamId, posts,
        bookmark, s.seq(), first - 1);
    return posts;
  }
}
