package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.MatchedPost;
import io.jvcstreaming.model.Post;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import scala.Tuple2;

/**
 * One received partition's posts read once for both outputs of the pseudo job: each author's post count (keyed by
 * the lower-cased pseudo) and the posts of the pseudos followed, as their wire lines. One object per partition,
 * so the batch can keep it deserialized: Spark's size estimate of one object costs microseconds, where the same
 * for every cached post took most of a batch (BENCHMARKS.md); without it, the count's shuffle and the report's
 * collect each read the posts, a third of the batch when a followed pseudo writes much.
 */
final class AuthorsAndMatches implements Serializable {

  private static final long serialVersionUID = 1L;
  private final List<Tuple2<String, Long>> counts;
  private final List<MatchedPost> matches;

  private AuthorsAndMatches(List<Tuple2<String, Long>> counts, List<MatchedPost> matches) {
    this.counts = counts;
    this.matches = matches;
  }

  /** {@code posts}' counts by lower-cased author, and those whose author is one of {@code pseudos} (lower-cased). */
  static AuthorsAndMatches of(Iterator<Post> posts, Set<String> pseudos) {
    Map<String, long[]> byAuthor = new HashMap<>();
    List<MatchedPost> matches = new ArrayList<>();
    posts.forEachRemaining(p -> {
      String author = p.author().toLowerCase(Locale.ROOT);
      byAuthor.computeIfAbsent(author, a -> new long[1])[0]++;
      if (pseudos.contains(author)) {
        matches.add(MatchedPost.of(p));
      }
    });
    List<Tuple2<String, Long>> counts = new ArrayList<>(byAuthor.size());
    byAuthor.forEach((author, n) -> counts.add(new Tuple2<>(author, n[0])));
    return new AuthorsAndMatches(counts, matches);
  }

  Iterator<Tuple2<String, Long>> counts() {
    return counts.iterator();
  }

  Iterator<MatchedPost> matches() {
    return matches.iterator();
  }
}
