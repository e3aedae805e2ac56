package io.jvcstreaming.analytics.receive;

import java.io.Serializable;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.dstream.ReceiverInputDStream;
import org.apache.spark.streaming.scheduler.StreamInputInfo;
import scala.collection.Iterator;

/**
 * The records a batch received, read on the driver while the batch runs, from Spark's input info tracker: where
 * {@code ReceiverInputDStream.compute} registered the batch's blocks (their record counts) when it built the
 * batch's block RDD, and where Spark takes {@code BatchInfo.numRecords} from for the batch's completion event. The
 * same figure, without waiting for that event, which Spark's asynchronous listener bus may never deliver (a
 * graceful stop removes the streaming listeners as soon as the last job has run; a full queue drops events).
 *
 * <p>The tracker is Spark's {@code private[streaming]} API (public in bytecode), as for {@link ReceivedBlockIds}.
 * Held by the report's output operation, so serialized into the checkpoint with it: the stream it holds is the
 * graph's own input stream, given its context back on recovery. A batch recomputed after a driver restart
 * registers its blocks again when it is rebuilt (from the write-ahead log; none without it).
 */
public final class ReceivedRecords implements Serializable {

  private static final long serialVersionUID = 1L;
  private final ReceiverInputDStream<?> stream;

  /** {@code stream}: any input stream of the graph, the way to its context. */
  public ReceivedRecords(ReceiverInputDStream<?> stream) {
    this.stream = stream;
  }

  /** The records every input stream received in the batch at {@code time} (0 when none registered any). */
  public long ofBatch(Time time) {
    Iterator<StreamInputInfo> infos =
        stream.context().scheduler().inputInfoTracker().getInfo(time).valuesIterator();
    long records = 0;
    while (infos.hasNext()) {
      records += infos.next().numRecords();
    }
    return records;
  }
}
