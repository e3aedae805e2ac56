package io.jvcstreaming.analytics.receive;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per topic, the highest message id already stored: a post whose id is not above its topic's mark was counted
 * already (a wiped store re-streaming what it streamed before, under new seqs) and is dropped as replayed.
 * Within one stream the scraper appends ids ascending per topic, so this never drops a real post.
 *
 * <p>Bounded to the {@code capacity} most recently advanced topics: a topic idle long enough to be evicted is
 * no longer protected (the price of bounded memory; 50 000 topics is weeks of a busy forum's active topics).
 * Iteration order is oldest advanced first, which is also the order the bookmark writes and reads them in, so
 * a reloaded set evicts the same topics. Not thread-safe: the receiver thread owns it.
 */
final class TopicMarks {

  static final int DEFAULT_CAPACITY = 50_000;

  private final int capacity;
  private final LinkedHashMap<Long, Long> marks;
  private long evicted;

  TopicMarks(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.marks = new LinkedHashMap<>(Math.min(capacity, 1 << 16) * 4 / 3 + 1) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
        if (size() > TopicMarks.this.capacity) {
          evicted++;
          return true;
        }
        return false;
      }
    };
  }

  /**
   * Records that {@code id} of {@code topicId} is being stored. Returns false, changing nothing, when the
   * topic's mark is already at or above {@code id} (the post was counted before).
   */
  boolean advance(long topicId, long id) {
    Long key = topicId;
    Long mark = marks.get(key);
    if (mark != null) {
      if (id <= mark) {
        return false;
      }
      marks.remove(key); // re-inserted last: the most recently advanced
    }
    marks.put(key, id);
    return true;
  }

  /**
   * Moves the topic's mark down to {@code id} when it is above it (the posts above {@code id} were not kept after
   * all, see {@link LeftoverBlocks}); its place in the eviction order is kept. Returns whether it moved.
   */
  boolean lower(long topicId, long id) {
    Long key = topicId;
    Long mark = marks.get(key);
    if (mark == null || mark <= id) {
      return false;
    }
    marks.put(key, id); // replacing a value leaves an insertion-ordered LinkedHashMap's order as it was
    return true;
  }

  /** The topic's mark, or -1 when the topic has none. */
  long mark(long topicId) {
    Long mark = marks.get(topicId);
    return mark == null ? -1 : mark;
  }

  int size() {
    return marks.size();
  }

  int capacity() {
    return capacity;
  }

  /** Topics dropped to stay within the capacity since this set was built. */
  long evicted() {
    return evicted;
  }

  /** Oldest advanced first. */
  Iterator<Map.Entry<Long, Long>> iterator() {
    return marks.entrySet().iterator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopicMarks other && capacity == other.capacity
        && marks.entrySet().stream().toList().equals(other.marks.entrySet().stream().toList());
  }

  @Override
  public int hashCode() {
    return marks.hashCode();
  }

  @Override
  public String toString() {
    return "TopicMarks{" + marks.size() + "/" + capacity + " topics}";
  }
}
