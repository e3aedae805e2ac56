package io.jvcstreaming.scraper.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentPostsTest {

  private static byte[] line(long seq) {
    return ("{\"seq\":" + seq + "}\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void keepsTheLastCapacityLinesAndReportsReadersThatFellBehind() {
    RecentPosts recent = new RecentPosts(3);
    for (long s = 0; s < 5; s++) {
      assertThat(recent.append(s, line(s))).isTrue();
    }
    assertThat(recent.firstSeq()).isEqualTo(2);
    assertThat(recent.lastSeq()).isEqualTo(4);
    List<byte[]> out = new ArrayList<>();
    assertThat(recent.read(3, 10, 1 << 20, out)).isEqualTo(5);
    assertThat(out).extracting(b -> new String(b, StandardCharsets.UTF_8)).containsExactly("{\"seq\":3}\n", "{\"seq\":4}\n");
    assertThat(recent.read(1, 10, 1 << 20, new ArrayList<>())).isEqualTo(-1);
  }

  @Test
  void anEmptyWindowAnnouncesWhereTheStreamStarts() {
    RecentPosts recent = new RecentPosts(3);
    assertThat(recent.bounds()).containsExactly(-1, -1);
    recent.startAt(1); // a Redis log: INCR gives the first post seq 1
    assertThat(recent.bounds()).containsExactly(-1, 0);
    recent.append(1, "{}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(recent.bounds()).containsExactly(1, 1);
    recent.startAt(7); // ignored once posts are held
    assertThat(recent.bounds()).containsExactly(1, 1);
  }

  @Test
  void duplicateSeqsAreIgnoredAndListenersHearOnlyAdditions() {
    RecentPosts recent = new RecentPosts(10);
    AtomicInteger calls = new AtomicInteger();
    recent.onAppend(calls::incrementAndGet);
    recent.append(0, line(0));
    recent.append(1, line(1));
    assertThat(recent.append(1, line(1))).isFalse();
    assertThat(recent.append(0, line(0))).isFalse();
    assertThat(recent.size()).isEqualTo(2);
    assertThat(calls).hasValue(2);
  }

  @Test
  void readsAreCappedByLinesAndBytesButAlwaysMakeProgress() {
    RecentPosts recent = new RecentPosts(100);
    for (long s = 0; s < 50; s++) {
      recent.append(s, line(s));
    }
    List<byte[]> out = new ArrayList<>();
    assertThat(recent.read(0, 7, 1 << 20, out)).isEqualTo(7);
    out.clear();
    assertThat(recent.read(10, 100, 1, out)).as("one line even when it exceeds maxBytes").isEqualTo(11);
    out.clear();
    assertThat(recent.read(50, 100, 1 << 20, out)).as("caught up: nothing to read").isEqualTo(50);
    assertThat(out).isEmpty();
  }

  @Test
  void aGapRestartsTheWindowAtTheNewSeq() {
    RecentPosts recent = new RecentPosts(10);
    recent.append(0, line(0));
    recent.append(5, line(5));
    assertThat(recent.firstSeq()).isEqualTo(5);
    assertThat(recent.read(0, 10, 1 << 20, new ArrayList<>())).isEqualTo(-1);
  }
}
