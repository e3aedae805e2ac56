package io.jvcstreaming.testkit;

import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Posts made up for tests, with ids ascending within a topic. */
public final class TestPosts {

  private TestPosts() {
  }

  public static Post post(long topicId, long id) {
    return new Post(Post.UNSEQUENCED, id, topicId, "Topic " + topicId, "Auteur_" + (id % 7),
        Instant.parse("2026-11-25T20:00:00Z").plusSeconds(id % 100_000), "message " + id + " é 😂",
        id % 3 == 0 ? List.of("https://image.noelshack.com/fichiers/2026/48/3/" + id + "-x.png") : List.of(),
        "http://sim/forums/42-51-" + topicId + "-1-0-1-0-t.htm");
  }

  public static List<Post> posts(long topicId, long fromId, int count) {
    List<Post> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(post(topicId, fromId + i));
    }
    return out;
  }
}
