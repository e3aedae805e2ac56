package io.jvcstreaming.analytics.metrics;

import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.apache.spark.streaming.scheduler.StreamingListenerReceiverError;
import org.apache.spark.streaming.scheduler.StreamingListenerReceiverStarted;
import org.apache.spark.streaming.scheduler.StreamingListenerReceiverStopped;

/**
 * Feeds {@link JobMetrics} from Spark's streaming events on the driver: completed batches (their received
 * records) and the receivers' life (started, stopped, errors they reported). Added by the launcher at every
 * start (listeners are not part of the checkpoint).
 */
public final class BatchListener implements StreamingListener {

  @Override
  public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
    BatchInfo info = completed.batchInfo();
    JobMetrics.current().batchCompleted(info.batchTime().milliseconds(), info.numRecords());
  }

  @Override
  public void onReceiverStarted(StreamingListenerReceiverStarted started) {
    JobMetrics.current().receiverStarted();
  }

  @Override
  public void onReceiverStopped(StreamingListenerReceiverStopped stopped) {
    JobMetrics.current().receiverStopped();
  }

  @Override
  public void onReceiverError(StreamingListenerReceiverError error) {
    JobMetrics.current().receiverError();
  }
}
