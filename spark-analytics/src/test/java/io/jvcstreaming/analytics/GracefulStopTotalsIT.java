package io.jvcstreaming.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.checkpoint.BuildVersion;
import io.jvcstreaming.analytics.metrics.JobMetrics;
import io.jvcstreaming.analytics.metrics.Totals;
import io.jvcstreaming.analytics.receive.LeftoverBlocks;
import io.jvcstreaming.analytics.testing.ReceiverBookmarkFile;
import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.streaming.scheduler.ReceivedBlockInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The totals line of a graceful stop while posts are still flowing: {@code received} is every post the receiver
 * stored, even when Spark's streaming listener bus never delivers the last batches' completion events.
 *
 * <p>Spark's listener bus is asynchronous and best-effort (a graceful stop removes the streaming listeners as soon
 * as the last job has run; a full queue drops events). The test makes that loss certain instead of a matter of
 * timing: a listener added after the job's own holds the bus at the first completion that carries records, until
 * the streaming context has stopped, so no later completion event reaches anyone.
 *
 * <p>What the receiver stored is not all this run's: Spark's graceful stop closes the driver's block log (on with
 * any checkpoint) right after stopping the receivers, so the blocks stored since the last batch was cut cannot be
 * allocated to a batch any more; they stay in that log for the next start. The test reads them from the tracker.
 */
class GracefulStopTotalsIT extends SparkITBase {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Pattern LINE = Pattern.compile(
      "job 'authors' totals: batches=(\\d+) received=(\\d+) counted=(\\d+) dropped_duplicates=(\\d+) ");

  @Test
  @DisplayName("graceful stop while posts flow and completion events are lost: received = posts stored")
  void receivedIsEveryStoredPostWhenCompletionEventsAreLost() throws Exception {
    TestPosts posts = new TestPosts(31);
    ssc = AnalyticsMain.createOrRecover(config("--job", "authors", "--wal", "false"), TEST_SPARK);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean holding = new AtomicBoolean();
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
        if (completed.batchInfo().numRecords() > 0 && holding.compareAndSet(false, true)) {
          try {
            release.await(3, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    });
    AtomicBoolean feeding = new AtomicBoolean(true);
    Thread feeder = new Thread(() -> {
      // bounded: at most 3 000 posts over at most ~2.5 min, paced like a scraper
      for (int i = 0; i < 300 && feeding.get(); i++) {
        server.append(posts.next(10));
        Await.sleep(50);
      }
    }, "test-feeder");
    try {
      ssc.start();
      feeder.start();
      assertThat(Await.within(WAIT, () -> holding.get() && reports.latest("authors") != null
          && reports.latest("authors").get("totalPosts").asLong() >= 300))
          .as("the listener bus held and 300 posts counted while the feeder runs").isTrue();

      ssc.stop(false, true); // graceful, posts still flowing; the SparkContext is stopped after the test
    } finally {
      feeding.set(false);
      release.countDown();
      feeder.join(10_000);
    }

    long stored = storedPosts();
    long deferred = recordsLeftForTheNextStart();
    Totals totals = JobMetrics.current().totals();
    Matcher line = LINE.matcher(totals.line());
    assertThat(line.find()).as("the totals line: %s", totals.line()).isTrue();
    long received = Long.parseLong(line.group(2));
    long counted = Long.parseLong(line.group(3));
    long dropped = Long.parseLong(line.group(4));
    assertThat(stored).as("posts the receiver stored").isGreaterThanOrEqualTo(300);
    assertThat(received).as("received in %s (stored %d, left for the next start %d)", totals.line(), stored,
        deferred).isEqualTo(stored - deferred);
    // every post was distinct: all of them counted, none dropped
    assertThat(counted).as("counted in %s", totals.line()).isEqualTo(received);
    assertThat(dropped).as("dropped_duplicates in %s", totals.line()).isEqualTo(received - counted).isZero();
    assertThat(Long.parseLong(line.group(1))).as("batches").isPositive();
  }

  /** Records of the blocks the receiver stored that no batch of this run got (the tracker's unallocated blocks). */
  private long recordsLeftForTheNextStart() throws Exception {
    long records = 0;
    for (ReceivedBlockInfo block : LeftoverBlocks.unallocatedBlocks(ssc.ssc(), 0)) {
      records += (Long) block.numRecords().get();
    }
    return records;
  }

  private long storedPosts() {
    return ReceiverBookmarkFile.storedPosts(temp.resolve("checkpoint").resolve(BuildVersion.current()));
  }
}
