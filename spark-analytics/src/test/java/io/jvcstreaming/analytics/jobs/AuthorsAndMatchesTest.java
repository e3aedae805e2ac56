package io.jvcstreaming.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.report.MatchedPost;
import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class AuthorsAndMatchesTest {

  @Test
  void countsEveryAuthorLowerCasedAndKeepsTheFollowedPseudosPostsInOrder() {
    List<Post> posts = List.of(post(1, "Risitas"), post(2, "AYAAA"), post(3, "risitas"), post(4, "Khey"),
        post(5, "ayaaa"), post(6, "RISITAS"));

    AuthorsAndMatches read = AuthorsAndMatches.of(posts.iterator(), Set.of("risitas"));

    Map<String, Long> counts = new HashMap<>();
    read.counts().forEachRemaining(kv -> counts.merge(kv._1(), kv._2(), Long::sum));
    assertThat(counts).isEqualTo(Map.of("risitas", 3L, "ayaaa", 2L, "khey", 1L));
    List<Long> seqs = new ArrayList<>();
    List<String> authors = new ArrayList<>();
    read.matches().forEachRemaining(m -> {
      seqs.add(m.seq());
      authors.add(m.post().author());
    });
    assertThat(seqs).containsExactly(1L, 3L, 6L);
    assertThat(authors).containsExactly("Risitas", "risitas", "RISITAS");
  }

  @Test
  void noPseudoFollowedMatchesNothingAndStillCounts() {
    AuthorsAndMatches read = AuthorsAndMatches.of(List.of(post(1, "Risitas")).iterator(), Set.of());

    assertThat(read.matches().hasNext()).isFalse();
    Tuple2<String, Long> only = read.counts().next();
    assertThat(only).isEqualTo(new Tuple2<>("risitas", 1L));
    assertThat(MatchedPost.of(post(9, "x")).seq()).isEqualTo(9L);
  }

  private static Post post(long seq, String author) {
    return new Post(seq, 100 + seq, 7, "topic", author, Instant.EPOCH, "text " + seq, List.of(), "http://x/" + seq);
  }
}
