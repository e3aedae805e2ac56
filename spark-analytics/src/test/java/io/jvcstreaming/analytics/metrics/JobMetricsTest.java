package io.jvcstreaming.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.metrics.ReceiverEvent.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobMetricsTest {

  @Test
  void droppedIsWhatABatchReceivedBeyondWhatItCountedPlusWhatTheReceiversSkipped() {
    JobMetrics m = new JobMetrics("all", 1000, List.of("words"));
    m.batchReported(1000, 40, 40, Map.of("words", 12L));
    m.batchCompleted(1000, 50); // 10 replayed posts filtered before the counts
    m.batchReported(2000, 5, 45, Map.of("words", 14L));
    m.batchCompleted(2000, 5);
    m.batchCompleted(3000, 7); // a batch whose report never ran: no figure to compare, nothing dropped
    m.receiverEvent(new ReceiverEvent(0, Kind.SKIPPED, 3));
    Totals t = m.totals();
    assertThat(t.batches()).isEqualTo(3);
    assertThat(t.postsReceived()).isEqualTo(62);
    assertThat(t.postsCounted()).isEqualTo(45);
    assertThat(t.postsTotal()).isEqualTo(45);
    assertThat(t.postsDropped()).isEqualTo(13);
    assertThat(t.stateKeys()).containsExactly(Map.entry("words", 14L));
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
