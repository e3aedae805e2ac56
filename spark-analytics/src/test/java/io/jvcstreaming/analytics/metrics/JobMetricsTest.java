package io.jvcstreaming.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.metrics.ReceiverEvent.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.StreamInputInfo;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.junit.jupiter.api.Test;
import scala.Option;

class JobMetricsTest {

  @Test
  void droppedIsWhatABatchReceivedBeyondWhatItCountedPlusWhatTheReceiversSkipped() {
    JobMetrics m = new JobMetrics("all", 1000, List.of("words"));
    m.batchReported(1000, 50, 40, 40, Map.of("words", 12L)); // 10 replayed posts filtered before the counts
    m.batchReported(2000, 5, 5, 45, Map.of("words", 14L));
    m.batchReported(3000, 0, 0, 45, Map.of("words", 14L)); // an empty batch is a batch
    m.receiverEvent(new ReceiverEvent(0, Kind.SKIPPED, 3));
    Totals t = m.totals();
    assertThat(t.batches()).isEqualTo(3);
    assertThat(t.postsReceived()).isEqualTo(55);
    assertThat(t.postsCounted()).isEqualTo(45);
    assertThat(t.postsTotal()).isEqualTo(45);
    assertThat(t.postsDropped()).isEqualTo(13);
    assertThat(t.stateKeys()).containsExactly(Map.entry("words", 14L));
  }

  @Test
  void aReportedBatchIsInTheTotalsWithoutItsCompletionEvent() {
    JobMetrics m = new JobMetrics("authors", 500, List.of("authors"));
    // a graceful stop: the last batches' completion events never reach the listener
    m.batchReported(500, 120, 100, 100, Map.of("authors", 4L));
    m.batchReported(1000, 30, 30, 130, Map.of("authors", 5L));
    Totals t = m.totals();
    assertThat(t.batches()).isEqualTo(2);
    assertThat(t.postsReceived()).isEqualTo(150);
    assertThat(t.postsCounted()).isEqualTo(130);
    assertThat(t.postsDropped()).isEqualTo(20);
  }

  @Test
  void aCompletionEventAfterTheReportAddsNothing() {
    JobMetrics previous = JobMetrics.current();
    JobMetrics m = JobMetrics.start("authors", 500, List.of("authors"));
    try {
      m.batchReported(500, 120, 100, 100, Map.of("authors", 4L));
      new ReceiverListener().onBatchCompleted(completed(500, 120)); // the same batch, seen by Spark's listener
      new ReceiverListener().onBatchCompleted(completed(1000, 7)); // one whose report ran in another run
      Totals t = m.totals();
      assertThat(t.batches()).isEqualTo(1);
      assertThat(t.postsReceived()).isEqualTo(120);
      assertThat(t.postsCounted()).isEqualTo(100);
      assertThat(t.postsDropped()).isEqualTo(20);
    } finally {
      JobMetrics.start(previous.job(), previous.batchIntervalMillis(), previous.counts());
    }
  }

  @Test
  void aBatchReportedTwiceIsTakenOnce() {
    JobMetrics m = new JobMetrics("authors", 500, List.of("authors"));
    m.batchReported(500, 120, 100, 100, Map.of("authors", 4L));
    m.batchReported(1000, 30, 30, 130, Map.of("authors", 5L));
    m.batchReported(500, 120, 100, 100, Map.of("authors", 4L)); // again: nothing added, nothing set back
    Totals t = m.totals();
    assertThat(t.batches()).isEqualTo(2);
    assertThat(t.postsReceived()).isEqualTo(150);
    assertThat(t.postsCounted()).isEqualTo(130);
    assertThat(t.postsDropped()).isEqualTo(20);
    assertThat(t.postsTotal()).isEqualTo(130);
    assertThat(t.stateKeys()).containsExactly(Map.entry("authors", 5L));
  }

  @Test
  void reportsOutOfOrderAreEachTakenAndTheLatestBatchGivesTheTotal() {
    JobMetrics m = new JobMetrics("authors", 500, List.of("authors"));
    m.batchReported(1000, 30, 30, 130, Map.of("authors", 5L));
    m.batchReported(500, 120, 100, 100, Map.of("authors", 4L));
    Totals t = m.totals();
    assertThat(t.batches()).isEqualTo(2);
    assertThat(t.postsReceived()).isEqualTo(150);
    assertThat(t.postsCounted()).isEqualTo(130);
    assertThat(t.postsTotal()).isEqualTo(130);
    assertThat(t.stateKeys()).containsExactly(Map.entry("authors", 5L));
  }

  @Test
  void aRepeatOfTheOldestRememberedBatchIsIgnored() {
    JobMetrics m = new JobMetrics("authors", 500, List.of());
    for (int i = 1; i <= JobMetrics.REMEMBERED_BATCHES; i++) {
      m.batchReported(i * 500L, 1, 1, i, Map.of());
    }
    m.batchReported(500, 1, 1, 1, Map.of()); // the oldest remembered
    assertThat(m.totals().batches()).isEqualTo(JobMetrics.REMEMBERED_BATCHES);
    assertThat(m.totals().postsReceived()).isEqualTo(JobMetrics.REMEMBERED_BATCHES);
  }

  /** Spark's completion event of batch {@code batchTime} with {@code records} received records on stream 0. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static StreamingListenerBatchCompleted completed(long batchTime, long records) {
    scala.collection.immutable.Map inputs = scala.collection.immutable.Map$.MODULE$.empty()
        .updated(0, new StreamInputInfo(0, records, scala.collection.immutable.Map$.MODULE$.empty()));
    scala.collection.immutable.Map outputs = scala.collection.immutable.Map$.MODULE$.empty();
    return new StreamingListenerBatchCompleted(new BatchInfo(new Time(batchTime), inputs, batchTime,
        (Option) Option.apply(batchTime), (Option) Option.apply(batchTime + 10), outputs));
  }

  @Test
  void receiverEventsMakeTheReceiverFigures() {
    JobMetrics m = new JobMetrics("words", 3000, List.of());
    assertThat(m.receiverLastSeq()).isEqualTo(-1);
    m.receiverEvent(new ReceiverEvent(0, Kind.CONNECTED, -1));
    m.receiverEvent(new ReceiverEvent(1, Kind.CONNECTED, -1));
    m.receiverEvent(new ReceiverEvent(0, Kind.STORED, 41));
    m.receiverEvent(new ReceiverEvent(0, Kind.STORED, 40)); // never goes back
    m.receiverEvent(new ReceiverEvent(1, Kind.DISCONNECTED, -1));
    m.receiverEvent(new ReceiverEvent(1, Kind.RECONNECTING, -1));
    assertThat(m.receiversConnected()).isEqualTo(1);
    assertThat(m.receiverLastSeq()).isEqualTo(41);
    assertThat(m.totals().reconnects()).isEqualTo(1);
    m.receiverStarted();
    m.receiverStopped();
    m.receiverStopped();
    assertThat(m.receiversActive.get()).as("never below zero").isZero();
  }

  @Test
  void theTotalsLineNamesEveryFigureAndTheKeysInReportOrder() {
    Map<String, Long> keys = new LinkedHashMap<>();
    keys.put("stickers", 3L);
    keys.put("stickers-trending", 1L);
    Totals t = new Totals("stickers", 9, 120, 100, 20, 300, 2, 1, 27, 3, keys);
    assertThat(t.line()).isEqualTo("job 'stickers' totals: batches=9 received=120 counted=100 dropped_duplicates=20"
        + " total_counted=300 reconnects=2 receiver_errors=1 published=27 publish_failures=3"
        + " state_keys={stickers=3,stickers-trending=1}");
  }
}
