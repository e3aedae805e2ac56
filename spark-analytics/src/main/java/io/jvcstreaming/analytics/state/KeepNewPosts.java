package io.jvcstreaming.analytics.state;

import io.jvcstreaming.model.Post;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.Optional;
import org.apache.spark.api.java.function.Function3;
import org.apache.spark.streaming.State;

/**
 * The {@code mapWithState} function that makes counting idempotent: per topic, the highest post id counted so far
 * is kept in the checkpointed state, and a batch's posts of that topic pass only when their id is above it.
 *
 * <p>Why: the receiver writes its bookmark after Spark has stored a block. A driver killed between the two
 * resumes from the older bookmark and receives that block's posts again, while the restarted driver also recovers
 * the block itself (write-ahead log): without this filter those posts are counted twice. The scraper appends each
 * topic's posts in ascending id order (and the forum's ids only grow), so a post at or below the topic's high-water
 * mark has been counted already; the same holds for posts re-streamed under a new stream id after a wiped store.
 * The batch's posts of one topic come in as one list (sorted here: a shuffle keeps no order).
 */
public final class KeepNewPosts implements Function3<Long, Optional<List<Post>>, State<Long>, List<Post>> {

  private static final long serialVersionUID = 1L;

  @Override
  public List<Post> call(Long topicId, Optional<List<Post>> batch, State<Long> highest) {
    if (highest.isTimingOut() || !batch.isPresent()) {
      return List.of(); // an idle topic leaving the state (a post of it after the idle timeout counts as new)
    }
    List<Post> posts = batch.get();
    long mark = highest.exists() ? highest.get() : Long.MIN_VALUE;
    // The usual batch: one topic's new posts, in the ascending order the scraper streamed them (a shuffle keeps
    // no order, so this is checked, not assumed): it passes as it came, without a copy or a sort.
    if (strictlyAscending(posts) && posts.get(0).id() > mark) {
      highest.update(posts.get(posts.size() - 1).id());
      return posts;
    }
    posts = new ArrayList<>(posts);
    posts.sort(Comparator.comparingLong(Post::id));
    List<Post> fresh = new ArrayList<>(posts.size());
    for (Post p : posts) {
      if (p.id() > mark) {
        fresh.add(p);
        mark = p.id();
      }
    }
    highest.update(mark);
    return fresh;
  }

  private static boolean strictlyAscending(List<Post> posts) {
    if (posts.isEmpty()) {
      return false;
    }
    long previous = Long.MIN_VALUE;
    for (Post p : posts) {
      if (p.id() <= previous) {
        return false;
      }
      previous = p.id();
    }
    return true;
  }
}
