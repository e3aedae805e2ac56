package io.jvcstreaming.scraper.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.jvcstreaming.testkit.Await;
import io.jvcstreaming.testkit.LineClient;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local store against {@code kill -9}: a child JVM appends in a loop and is SIGKILLed at a random moment,
 * three times over the same directory; then every bookmark must cover exactly the posts in the log, seqs must be
 * continuous, the id guard must hold every id, and nothing acknowledged may be lost. A child process is the
 * honest way: no in-process trick stops a JVM between two writes as SIGKILL does.
 */
class LocalPostLogIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int TOPICS = 8;

  @TempDir
  Path tmp;
  private final List<Child> children = new ArrayList<>();
  private Vertx vertx;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (Child c : children) {
      c.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    vertx.close().await();
  }

  /** The child's stdout, line by line, as it comes. */
  private static final class Child {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();

    Child(Process process) {
      this.process = process;
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            lines.add(line);
          }
        } catch (Exception e) {
          // the process died: what was read stays
        }
      }, "child-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    long appends() {
      return lines.stream().filter(l -> l.startsWith("APPENDED ")).count();
    }

    long lastAckedHead() {
      long head = -1;
      for (String l : lines) {
        if (l.startsWith("APPENDED ")) {
          head = Long.parseLong(l.substring(9));
        }
      }
      return head;
    }

    String line(String prefix) {
      return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
    }

    String output() {
      return String.join("\n", lines);
    }
  }

  private Child startChild(Path dir) throws Exception {
    String classpath = System.getProperty("java.class.path");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
        LocalPostLogChild.class.getName(), dir.toString(), Integer.toString(TOPICS))
        .redirectError(tmp.resolve("child-" + children.size() + ".err").toFile());
    Child child = new Child(pb.start());
    children.add(child);
    return child;
  }

  private static Child awaitOpen(Child child) throws InterruptedException {
    Await.until(WAIT, "the child opened the store", () -> child.line("OPEN ") != null || !child.process.isAlive(),
        child::output);
    assertThat(child.line("OPEN ")).as("child output: %s", child.output()).isNotNull();
    return child;
  }

  @Test
  void aKillDashNineAtAnyMomentLeavesLogBookmarksAndGuardTogether() throws Exception {
    Path dir = tmp.resolve("data");
    Random random = new Random();
    String streamId = null;
    long acked = -1;
    for (int run = 0; run < 3; run++) {
      Child child = awaitOpen(startChild(dir));
      String[] open = child.line("OPEN ").split(" ");
      if (streamId == null) {
        streamId = open[1];
      }
      assertThat(open[1]).as("run %d keeps the stream id", run).isEqualTo(streamId);
      assertThat(Long.parseLong(open[2])).as("run %d: every acknowledged append survived the kill", run)
          .isGreaterThanOrEqualTo(acked);
      int target = 20 + random.nextInt(400);
      Await.until(WAIT, target + " appends", () -> child.appends() >= target || !child.process.isAlive(),
          child::output);
      assertThat(child.process.isAlive()).as("child still appending: %s", child.output()).isTrue();
      child.process.destroyForcibly(); // SIGKILL, mid-loop: most of the loop's time is spent committing
      assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.line("WRONG")).as("the child saw its own appends go wrong").isNull();
      acked = child.lastAckedHead();
    }

    RecentPosts recent = new RecentPosts(100_000);
    ScraperMetrics metrics = new ScraperMetrics();
    LocalPostLog log = new LocalPostLog(vertx, dir, recent, metrics, 100_000);
    log.start().await();
    try {
      assertThat(log.streamId()).isEqualTo(streamId);
      List<Post> posts = PostLogContract.decode(recent);
      assertThat(posts).hasSizeGreaterThan(60);
      assertThat(recent.lastSeq()).as("nothing acknowledged is lost").isGreaterThanOrEqualTo(acked);
      assertThat(posts).extracting(Post::seq).as("seqs continuous from 0")
          .containsExactlyElementsOf(PostLogContract.ids(0, posts.size() - 1));
      Map<Long, List<Long>> byTopic = posts.stream().collect(Collectors.groupingBy(Post::topicId, TreeMap::new,
          Collectors.mapping(Post::id, Collectors.toList())));
      for (long t = 1; t <= TOPICS; t++) {
        Bookmark b = log.bookmark(t).await();
        List<Long> held = byTopic.getOrDefault(t, List.of());
        long base = t * LocalPostLogChild.TOPIC_BASE;
        assertThat(held).as("topic %d: its bookmark (%d) covers exactly the posts in the log, once each", t,
            b.lastMessageId()).containsExactlyElementsOf(
                b.isNew() ? List.of() : PostLogContract.ids(base + 1, b.lastMessageId()));
      }
      // the guard was committed with the log: every id held is refused under another topic
      int again = 0;
      for (Map.Entry<Long, List<Long>> e : byTopic.entrySet()) {
        long[] ids = e.getValue().stream().mapToLong(Long::longValue).toArray();
        again += log.append(1000 + e.getKey(), PostLogContract.posts(1000 + e.getKey(), ids), 1).await();
      }
      assertThat(again).isZero();
      assertThat(metrics.duplicatesSkipped()).isEqualTo(posts.size());
    } finally {
      log.close().await();
    }
  }

  @Test
  void aSecondScraperOnADirectoryInUseGetsAClearError() throws Exception {
    Path dir = tmp.resolve("data");
    awaitOpen(startChild(dir));
    LocalPostLog second = new LocalPostLog(vertx, dir, new RecentPosts(100_000), new ScraperMetrics(), 100_000);
    assertThatThrownBy(() -> second.start().await())
        .isInstanceOf(DataDirInUseException.class)
        .hasMessageContaining(dir.toAbsolutePath().normalize().toString())
        .hasMessageContaining("in use by another scraper");
    Child third = startChild(dir);
    assertThat(third.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(third.process.exitValue()).isEqualTo(2);
    Await.until(WAIT, "the third child's message", () -> third.line("IN-USE ") != null, third::output);
  }
}
