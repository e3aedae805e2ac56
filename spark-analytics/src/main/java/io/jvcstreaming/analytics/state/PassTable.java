package io.jvcstreaming.analytics.state;

import io.jvcstreaming.model.Post;
import java.io.Serializable;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Every topic's {@link Passes} of one batch, looked up by the tasks that read the batch's posts: a post counts when
 * its id passes and it sits in the partition whose copy counts, and only its first copy in that partition.
 */
public final class PassTable implements Serializable {

  private static final long serialVersionUID = 1L;
  private final Map<Long, Passes> byTopic = new HashMap<>();

  public static PassTable of(Iterator<Passes> passes) {
    PassTable table = new PassTable();
    passes.forEachRemaining(p -> {
      if (p.size() > 0) {
        table.byTopic.put(p.topicId(), p);
      }
    });
    return table;
  }

  /** The filter of the posts read from received partition {@code partition}; one per task, not thread-safe. */
  public Keeper keeper(int partition) {
    return new Keeper(partition);
  }

  /** Decides post by post within one partition. */
  public final class Keeper {
    private final int partition;
    /** Per topic, which passing ids this partition has let through already (a post received twice in a block). */
    private final Map<Passes, boolean[]> seen = new IdentityHashMap<>();

    private Keeper(int partition) {
      this.partition = partition;
    }

    public boolean keep(Post post) {
      Passes passes = byTopic.get(post.topicId());
      if (passes == null) {
        return false;
      }
      int i = passes.indexOf(post.id());
      if (i < 0 || passes.partition(i) != partition) {
        return false;
      }
      boolean[] taken = seen.computeIfAbsent(passes, p -> new boolean[p.size()]);
      if (taken[i]) {
        return false;
      }
      taken[i] = true;
      return true;
    }
  }
}
