package io.jvcstreaming.e2e.support;

import io.jvcstreaming.model.Post;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the Spark jobs must count for a stream, computed here independently of the tokenizer and of Spark. */
public final class ExpectedCounts {

  private ExpectedCounts() {
  }

  /** The counts the Spark jobs must hold after the first {@code n} posts of the stream. */
  public static Map<String, Long> expectedCounts(String job, List<Post> prefix) {
    Map<String, Long> m = new HashMap<>();
    for (Post p : prefix) {
      count(job, p, m);
    }
    return m;
  }

  /** Adds what one post counts for in {@code job} to {@code m}. */
  public static void count(String job, Post p, Map<String, Long> m) {
    switch (job) {
      case "authors" -> m.merge(p.author(), 1L, Long::sum);
      case "topics" -> m.merge(Long.toString(p.topicId()), 1L, Long::sum);
      case "words" -> Words.of(p.text()).forEach(w -> m.merge(w, 1L, Long::sum));
      case "stickers" -> {
        for (String s : p.stickers()) {
          if (s != null && !s.isBlank()) {
            m.merge(s.strip(), 1L, Long::sum);
          }
        }
      }
      default -> throw new IllegalArgumentException(job);
    }
  }

  /** The differing keys of two count maps, for failure messages. */
  public static String diff(Map<String, Long> expected, Map<String, Long> actual) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    Set<String> keys = new HashSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    long over = 0;
    long under = 0;
    for (String k : keys) {
      long e = expected.getOrDefault(k, 0L);
      long a = actual.getOrDefault(k, 0L);
      if (e != a) {
        if (a > e) {
          over += a - e;
        } else {
          under += e - a;
        }
        if (shown++ < 12) {
          sb.append(String.format("%n      %s: expected %d, Spark %d", k, e, a));
        }
      }
    }
    return "counted too many: " + over + ", too few: " + under + sb;
  }
}
