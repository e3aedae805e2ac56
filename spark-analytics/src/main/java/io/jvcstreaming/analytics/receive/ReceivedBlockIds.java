package io.jvcstreaming.analytics.receive;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.dstream.ReceiverInputDStream;
import org.apache.spark.streaming.scheduler.ReceivedBlockInfo;
import scala.Option;
import scala.collection.Iterator;

/**
 * The {@link BlockIds} of the blocks a batch of one receiver stream holds, read on the driver from Spark's receiver
 * tracker: the blocks' report, which the driver's write-ahead log keeps across a driver restart.
 *
 * <p>The tracker is Spark's {@code private[streaming]} API (public in bytecode): it is where
 * {@code ReceiverInputDStream.compute} itself reads the batch's blocks to build the block RDD, in the same order as
 * that RDD's partitions. Spark Streaming offers no public way to see a block's metadata. When the answer cannot be
 * trusted to match the RDD (another block count: the non-WAL path drops blocks it cannot find; a block stored
 * without ids, by an older receiver) it is empty and the caller reads the ids from the posts instead.
 *
 * <p>Held by the streaming graph's transform, so serialized into the checkpoint with it: the stream it holds is the
 * graph's own input stream, given its context back on recovery.
 */
public final class ReceivedBlockIds implements Serializable {

  private static final long serialVersionUID = 1L;
  private final ReceiverInputDStream<?> stream;

  public ReceivedBlockIds(ReceiverInputDStream<?> stream) {
    this.stream = stream;
  }

  /** The ids of each block of the batch at {@code time}, in partition order, if known for exactly {@code blocks}. */
  public Optional<List<BlockIds>> ofBatch(Time time, int blocks) {
    scala.collection.Seq<ReceivedBlockInfo> infos =
        stream.context().scheduler().receiverTracker().getBlocksOfBatchAndStream(time, stream.id());
    if (infos.size() != blocks) {
      return Optional.empty();
    }
    List<BlockIds> out = new ArrayList<>(blocks);
    Iterator<ReceivedBlockInfo> it = infos.iterator();
    while (it.hasNext()) {
      Option<Object> metadata = it.next().metadataOption();
      if (metadata.isEmpty() || !(metadata.get() instanceof BlockIds ids)) {
        return Optional.empty();
      }
      out.add(ids);
    }
    return Optional.of(out);
  }
}
