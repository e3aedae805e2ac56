package io.jvcstreaming.testkit;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.simulator.TruthPost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stream against the simulator's truth: every visible post published up to a cutoff arrives; posts deleted
 * since may or may not have arrived; nothing invented; no post twice; seqs continuous; every field as published.
 * The consumer brings {@code forum-simulator} (the truth) on its test classpath (optional here).
 */
public final class Truth {

  private Truth() {
  }

  /** Ids of the visible (non-deleted) posts published up to {@code cutoffMillis}: the ones that must arrive. */
  public static Set<Long> mustArrive(List<TruthPost> truth, long cutoffMillis) {
    Set<Long> ids = new HashSet<>();
    for (TruthPost t : truth) {
      if (!t.deleted() && t.publishedAtMillis() <= cutoffMillis) {
        ids.add(t.post().id());
      }
    }
    return ids;
  }

  public static Set<Long> ids(List<Post> streamed) {
    Set<Long> ids = new HashSet<>();
    streamed.forEach(p -> ids.add(p.id()));
    return ids;
  }

  /** For failure messages: the missing posts with their topic and publication time. */
  public static String describeMissing(List<TruthPost> truth, long cutoffMillis, List<Post> streamed) {
    Set<Long> got = ids(streamed);
    StringBuilder sb = new StringBuilder();
    long missing = 0;
    for (TruthPost t : truth) {
      if (!t.deleted() && t.publishedAtMillis() <= cutoffMillis && !got.contains(t.post().id())) {
        if (missing++ < 15) {
          sb.append(String.format("%n    id %d (truth seq %d) topic %d published %d ms before the cutoff",
              t.post().id(), t.post().seq(), t.post().topicId(), cutoffMillis - t.publishedAtMillis()));
        }
      }
    }
    if (missing > 0) {
      describeFirstMissingTopic(truth, cutoffMillis, streamed, got, sb);
    }
    return missing + " visible post(s) published before the cutoff missing from the stream (" + streamed.size()
        + " streamed):" + sb;
  }

  /** The topic of the first missing post, as published (D: deleted since, !: missing) and as streamed (id@page). */
  private static void describeFirstMissingTopic(List<TruthPost> truth, long cutoffMillis, List<Post> streamed,
      Set<Long> got, StringBuilder sb) {
    long topic = truth.stream().filter(t -> !t.deleted() && t.publishedAtMillis() <= cutoffMillis
        && !got.contains(t.post().id())).findFirst().orElseThrow().post().topicId();
    sb.append("\n    topic ").append(topic).append(" truth:");
    truth.stream().filter(t -> t.post().topicId() == topic).forEach(t -> sb.append(' ').append(t.post().id() % 100_000)
        .append(t.deleted() ? "D" : "").append(got.contains(t.post().id()) ? "" : "!"));
    sb.append("\n    streamed:");
    streamed.stream().filter(p -> p.topicId() == topic).forEach(p -> sb.append(' ').append(p.id() % 100_000)
        .append('@').append(p.url().replaceAll(".*-(\\d+)-0-1-0-.*", "$1")));
  }

  /** No post twice, seqs continuous, nothing invented, every field as published. Throws with the first offence. */
  public static void assertExactlyOnceAndFaithful(List<Post> streamed, List<TruthPost> truth) {
    Map<Long, TruthPost> byId = new HashMap<>();
    truth.forEach(t -> byId.put(t.post().id(), t));
    Set<Long> seen = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < streamed.size(); i++) {
      Post p = streamed.get(i);
      if (!seen.add(p.id())) {
        problems.add("post id " + p.id() + " streamed twice (again at stream seq " + p.seq() + ")");
      }
      if (i > 0 && p.seq() != streamed.get(i - 1).seq() + 1) {
        problems.add("seq not continuous at index " + i + ": " + streamed.get(i - 1).seq() + " then " + p.seq());
      }
      TruthPost t = byId.get(p.id());
      if (t == null) {
        problems.add("post id " + p.id() + " (stream seq " + p.seq() + ") streamed but never published");
        continue;
      }
      Post e = t.post();
      if (p.topicId() != e.topicId() || !p.author().equals(e.author()) || !p.postedAt().equals(e.postedAt())
          || !p.text().equals(e.text()) || !p.stickers().equals(e.stickers()) || !p.topic().equals(e.topic())) {
        List<String> fields = new ArrayList<>();
        if (p.topicId() != e.topicId()) {
          fields.add("topicId");
        }
        if (!p.topic().equals(e.topic())) {
          fields.add("topic " + quote(p.topic()) + " vs truth " + quote(e.topic()));
        }
        if (!p.author().equals(e.author())) {
          fields.add("author");
        }
        if (!p.postedAt().equals(e.postedAt())) {
          fields.add("postedAt");
        }
        if (!p.text().equals(e.text())) {
          fields.add("text");
        }
        if (!p.stickers().equals(e.stickers())) {
          fields.add("stickers");
        }
        problems.add("post id " + p.id() + " (stream seq " + p.seq() + ") differs from the truth in " + fields
            + ":\n      streamed "
            + p + "\n      truth    " + e);
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(problems.size() + " stream problem(s), first ones:\n    "
          + String.join("\n    ", problems.subList(0, Math.min(15, problems.size()))));
    }
  }

  /** A string with its non-ASCII and space characters shown as code points, to see whitespace differences. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints().forEach(c -> sb.append(c > 126 || c == ' ' ? String.format("\\u%04x", c) : Character.toString(c)));
    return sb.append('"').toString();
  }
}
