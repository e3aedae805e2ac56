package io.jvcstreaming.analytics.metrics;

import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerReceiverError;
import org.apache.spark.streaming.scheduler.StreamingListenerReceiverStarted;
import org.apache.spark.streaming.scheduler.StreamingListenerReceiverStopped;

/**
 * Feeds {@link JobMetrics} from Spark's streaming events on the driver: the receivers' life (started, stopped,
 * errors they reported). Added by the launcher at every start (listeners are not part of the checkpoint).
 *
 * <p>Not the batches: Spark's listener bus is asynchronous and best-effort, and a graceful stop removes this
 * listener as soon as the last job has run, before the last batches' completion events are delivered. A batch's
 * figures come from its report ({@link JobMetrics#batchReported}).
 */
public final class ReceiverListener implements StreamingListener {

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
