package io.jvcstreaming.scraper.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.simulator.TruthPost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares what came out of the stream with what the simulator published. */
final class TruthCheck {

  private TruthCheck() {
  }

  /** Ids of the visible posts published up to {@code cutoffMillis}: the ones that must arrive. */
  static Set<Long> mustArrive(List<TruthPost> truth, long cutoffMillis) {
    Set<Long> ids = new HashSet<>();
    for (TruthPost t : truth) {
      if (!t.deleted() && t.publishedAtMillis() <= cutoffMillis) {
        ids.add(t.post().id());
      }
    }
    return ids;
  }

  /** For failure messages: which posts are missing, with their topic and publication time. */
  static String describeMissing(List<TruthPost> truth, long cutoffMillis, List<Post> streamed) {
    Set<Long> got = ids(streamed);
    StringBuilder sb = new StringBuilder();
    long missing = 0;
    for (TruthPost t : truth) {
      if (!t.deleted() && t.publishedAtMillis() <= cutoffMillis && !got.contains(t.post().id())) {
        if (missing++ < 12) {
          sb.append(String.format("%n  id %d topic %d published %d ms before the cutoff", t.post().id(),
              t.post().topicId(), cutoffMillis - t.publishedAtMillis()));
        }
      }
    }
    if (missing > 0) {
      long topic = truth.stream().filter(t -> !t.deleted() && t.publishedAtMillis() <= cutoffMillis
          && !got.contains(t.post().id())).findFirst().orElseThrow().post().topicId();
      sb.append("\n  topic ").append(topic).append(" truth:");
      truth.stream().filter(t -> t.post().topicId() == topic).forEach(t -> sb.append(' ').append(t.post().id() % 100_000)
          .append(t.deleted() ? "D" : "").append(got.contains(t.post().id()) ? "" : "!"));
      sb.append("\n  streamed:");
      streamed.stream().filter(p -> p.topicId() == topic).forEach(p -> sb.append(' ').append(p.id() % 100_000)
          .append('@').append(p.url().replaceAll(".*-(\\d+)-0-1-0-.*", "$1")));
    }
    return missing + " missing of " + streamed.size() + " streamed:" + sb;
  }

  static Set<Long> ids(List<Post> streamed) {
    Set<Long> ids = new HashSet<>();
    streamed.forEach(p -> ids.add(p.id()));
    return ids;
  }

  /** No post twice, seqs continuous, nothing invented, every field as published. */
  static void assertExactlyOnceAndFaithful(List<Post> streamed, List<TruthPost> truth) {
    Map<Long, TruthPost> byId = new HashMap<>();
    truth.forEach(t -> byId.put(t.post().id(), t));
    Set<Long> seen = new HashSet<>();
    List<Long> duplicates = new ArrayList<>();
    for (int i = 0; i < streamed.size(); i++) {
      Post p = streamed.get(i);
      if (!seen.add(p.id())) {
        duplicates.add(p.id());
      }
      if (i > 0) {
        assertThat(p.seq()).as("seq continuous at index %d", i).isEqualTo(streamed.get(i - 1).seq() + 1);
      }
    }
    assertThat(duplicates).as("posts streamed twice").isEmpty();
    for (Post p : streamed) {
      TruthPost t = byId.get(p.id());
      assertThat(t).as("post %d streamed but never published", p.id()).isNotNull();
      Post e = t.post();
      assertThat(p.topicId()).as("topicId of %d", p.id()).isEqualTo(e.topicId());
      assertThat(p.author()).as("author of %d", p.id()).isEqualTo(e.author());
      assertThat(p.postedAt()).as("postedAt of %d", p.id()).isEqualTo(e.postedAt());
      assertThat(p.text()).as("text of %d", p.id()).isEqualTo(e.text());
      assertThat(p.stickers()).as("stickers of %d", p.id()).isEqualTo(e.stickers());
      assertThat(p.topic()).as("topic of %d", p.id()).isEqualTo(e.topic());
    }
  }
}
