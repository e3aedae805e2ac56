package io.jvcstreaming.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.checkpoint.BuildVersion;
import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.receive.BlockIds;
import io.jvcstreaming.analytics.receive.LeftoverBlocks;
import io.jvcstreaming.analytics.testing.ReceiverBookmarkFile;
import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.testkit.Await;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.dstream.DStream;
import org.apache.spark.streaming.dstream.ReceiverInputDStream;
import org.apache.spark.streaming.scheduler.ReceivedBlockInfo;
import org.apache.spark.streaming.scheduler.ReceiverTracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

/**
 * A graceful stop while posts flow, then a start from the same checkpoint and stream. With the receiver's
 * write-ahead log ({@code --wal true}, the default) and without it, every post is counted exactly once across the
 * two runs.
 *
 * <p>The case that matters is a stop that lands after the receiver stored blocks but before a batch was cut for
 * them: Spark's graceful stop closes the driver's block log (on with any checkpoint) right after stopping the
 * receivers, so those blocks can no longer be allocated to a batch of this run and are left, in that log, to the
 * next start. The test makes that certain instead of a matter of timing: an output operation added to the graph
 * holds the job generator (its transform runs on the generator's thread, right after a batch's blocks were
 * allocated) while the receiver stores more blocks and until the stop has closed the block log.
 */
class GracefulStopRestartIT extends SparkITBase {

  private static final Duration WAIT = Duration.ofSeconds(120);
  /** Armed by the test: the next batch's generation waits on it (once). Static: the graph is checkpointed. */
  private static volatile CountDownLatch hold;
  private static final AtomicBoolean HELD = new AtomicBoolean();

  private final AtomicBoolean feeding = new AtomicBoolean(true);
  private Thread feeder;

  @AfterEach
  void stopFeeder() throws InterruptedException {
    feeding.set(false);
    CountDownLatch h = hold;
    if (h != null) {
      h.countDown();
    }
    if (feeder != null) {
      feeder.join(10_000);
    }
    hold = null;
    HELD.set(false);
  }

  @Test
  @DisplayName("--wal true: graceful stop with blocks not yet in a batch, start again: every post counted once")
  void withWriteAheadLog() throws Exception {
    Run run = stopWhileFlowingThenRestart("true", 41);
    // moved back as without the log: the next start may give the left blocks to a batch whose counts the stopping
    // run had checkpointed already (then only the posts received again count), or count them (then the copies
    // received again are dropped by the counts' marks)
    assertThat(run.storedAfterStop()).as("bookmark after the stop").isEqualTo(run.firstLeftSeq());
    assertEveryPostCountedOnce(run);
  }

  /**
   * Without the receiver's write-ahead log the blocks left for the next start exist only in the stopped
   * executor's memory: the next start gets them from the driver's block log and finds no data ("Some blocks could
   * not be recovered as they were not found in memory"). Their posts count only because the stop moved the
   * receiver's bookmark back before them ({@code LeftoverBlocks}); before that they were lost.
   */
  @Test
  @DisplayName("--wal false: graceful stop with blocks not yet in a batch, start again: every post counted once")
  void withoutWriteAheadLog() throws Exception {
    Run run = stopWhileFlowingThenRestart("false", 42);
    // the bookmark was moved back to just before the first left block: the next start receives them again
    assertThat(run.storedAfterStop()).as("bookmark after the stop").isEqualTo(run.firstLeftSeq());
    assertEveryPostCountedOnce(run);
  }

  private static void assertEveryPostCountedOnce(Run run) {
    assertThat(run.counts()).as("per-author counts (sent %d posts, %d of them left for the next start, totalPosts %d)",
        run.sent().size(), run.leftRecords(), run.total()).isEqualTo(authors(run.sent()));
    assertThat(run.total()).as("totalPosts").isEqualTo(run.sent().size());
  }

  private static Map<String, Long> authors(List<Post> posts) {
    Map<String, Long> counts = new HashMap<>();
    posts.forEach(p -> counts.merge(p.author(), 1L, Long::sum));
    return counts;
  }

  /** What the two runs sent, left between them (blocks stored, in no batch of the first run) and counted. */
  private record Run(List<Post> sent, List<BlockIds> leftBlocks, long leftRecords, long storedAfterStop,
                     Map<String, Long> counts, long total) {

    long firstLeftSeq() {
      return leftBlocks.stream().mapToLong(BlockIds::firstSeq).min().orElseThrow();
    }

    long lastLeftSeq() {
      return leftBlocks.stream().mapToLong(BlockIds::lastSeq).max().orElseThrow();
    }
  }

  private Run stopWhileFlowingThenRestart(String wal, long seed) throws Exception {
    TestPosts posts = new TestPosts(seed);
    List<Post> sent = new CopyOnWriteArrayList<>();
    JobConfig config = config("--job", "authors", "--wal", wal);
    ssc = AnalyticsMain.createOrRecover(config, TEST_SPARK);
    addGeneratorHold(ssc);
    feeder = new Thread(() -> {
      // bounded: at most 8 000 posts over at most ~7 min, paced like a scraper
      for (int i = 0; i < 800 && feeding.get(); i++) {
        sent.addAll(server.append(posts.next(10)));
        Await.sleep(50);
      }
    }, "test-feeder");
    ssc.start();
    feeder.start();
    assertThat(Await.within(WAIT, () -> total() >= 300)).as("300 posts counted while the feeder runs").isTrue();

    // hold the generator right after a batch was cut, let the receiver store blocks past that cut, then stop
    hold = new CountDownLatch(1);
    assertThat(Await.within(WAIT, HELD::get)).as("the job generator held").isTrue();
    long storedAtHold = storedPosts();
    assertThat(Await.within(WAIT, () -> storedPosts() >= storedAtHold + 50))
        .as("blocks stored after the held batch's cut").isTrue();
    JavaStreamingContext first = ssc;
    long stopStarted = System.nanoTime();
    Thread stopper = new Thread(() -> StopOnSignal.stopGracefully(first), "test-graceful-stop"); // SIGTERM's stop
    stopper.start();
    assertThat(Await.within(WAIT, () -> blockLogClosed(first))).as("the stop closed the driver's block log").isTrue();
    hold.countDown();
    stopper.join(WAIT.toMillis());
    assertThat(stopper.isAlive()).as("the graceful stop returned").isFalse();
    long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStarted);
    ssc = null;
    List<BlockIds> leftBlocks = new ArrayList<>();
    long left = recordsLeftForTheNextStart(first, leftBlocks);
    long storedByFirstRun = storedPosts();
    System.out.printf("GracefulStopRestartIT wal=%s: stop took %d ms; first run stored %d posts, %d of them left"
        + " for the next start%n", wal, stopMillis, storedByFirstRun, left);
    assertThat(left).as("posts stored but in no batch of the first run").isPositive();

    // start again from the same checkpoint; the server keeps serving from the seq the receiver resumes at
    int resumesBefore = server.resumes().size();
    start(config);
    assertThat(Await.within(WAIT, () -> server.resumes().size() > resumesBefore && storedPosts() > storedByFirstRun))
        .as("the new receiver resumed and stored posts").isTrue();
    feeding.set(false);
    feeder.join(10_000);
    long expected = sent.size();
    assertThat(expected).isEqualTo(posts.posts());

    // every post sent was stored; then a batch cut after the last store has been reported
    assertThat(Await.within(WAIT, () -> storedPosts() == expected)).as("all %d posts stored", expected).isTrue();
    long allStoredAt = System.currentTimeMillis();
    assertThat(Await.within(WAIT, () -> reports.latest("authors").get("batchTime").asLong() > allStoredAt + 1_000))
        .as("a batch cut after the last post was stored reported").isTrue();

    Map<String, Long> counts = reports.counts("authors");
    long total = total();
    System.out.printf("GracefulStopRestartIT wal=%s: sent %d, counted %d%n", wal, expected, total);
    return new Run(List.copyOf(sent), leftBlocks, left, storedByFirstRun, counts, total);
  }

  private long total() {
    var latest = reports.latest("authors");
    return latest == null ? -1 : latest.get("totalPosts").asLong();
  }

  /**
   * An output operation on the receiver's stream whose transform waits on {@link #hold} once it is armed: Spark
   * computes it on the job generator's thread when the batch's jobs are generated, after its blocks were allocated.
   */
  @SuppressWarnings("unchecked")
  private static void addGeneratorHold(JavaStreamingContext ssc) {
    ReceiverInputDStream<Post> input = (ReceiverInputDStream<Post>) ssc.ssc().graph().getReceiverInputStreams()[0];
    new JavaDStream<>((DStream<Post>) input, ClassTag$.MODULE$.apply(Post.class))
        .transform(rdd -> {
          CountDownLatch h = hold;
          if (h != null && HELD.compareAndSet(false, true)) {
            h.await(3, TimeUnit.MINUTES);
          }
          return rdd;
        })
        .foreachRDD(rdd -> {
        });
  }

  /** The receiver tracker is stopped: receivers stopped and the driver's block log closed. */
  private static boolean blockLogClosed(JavaStreamingContext ssc) {
    try {
      ReceiverTracker tracker = ssc.ssc().scheduler().receiverTracker();
      for (Field f : ReceiverTracker.class.getDeclaredFields()) {
        if (f.getName().endsWith("trackerState")) {
          f.setAccessible(true);
          return String.valueOf(f.get(tracker)).equals("Stopped");
        }
      }
      throw new IllegalStateException("no trackerState field in " + ReceiverTracker.class);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Records of the blocks the receiver stored that no batch of the run got (the tracker's unallocated blocks). */
  private static long recordsLeftForTheNextStart(JavaStreamingContext ssc, List<BlockIds> ids) throws Exception {
    long records = 0;
    for (ReceivedBlockInfo block : LeftoverBlocks.unallocatedBlocks(ssc.ssc(), 0)) {
      records += (Long) block.numRecords().get();
      ids.add((BlockIds) block.metadataOption().get());
    }
    return records;
  }

  private long storedPosts() {
    return ReceiverBookmarkFile.storedPosts(temp.resolve("checkpoint").resolve(BuildVersion.current()));
  }
}
