package io.jvcstreaming.scraper.source;

import io.jvcstreaming.scraper.parse.TopicRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which topics of a list refresh round to queue: a topic is queued only when its row changed since it was last
 * queued (new topic, moved reply count, last-post date or page count). Pinned topics are rows like the others.
 * Pure; remembers the last queued row of a bounded number of topics (least recently seen go first).
 */
final class ListRound {

  private record RowState(int replyCount, Instant lastPostAt, int lastPage) {
    static RowState of(TopicRow row) {
      return new RowState(row.replyCount(), row.lastPostAt(), row.lastPage());
    }
  }

  private final Map<Long, RowState> queued;

  ListRound(int rememberedTopics) {
    this.queued = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, RowState> eldest) {
        return size() > rememberedTopics;
      }
    };
  }

  /**
   * The rows of a round's pages, in page order, each topic once: a topic bumped while we paginate shows up twice,
   * its first (newest) row is kept.
   */
  static List<TopicRow> merge(List<List<TopicRow>> pages) {
    Map<Long, TopicRow> rows = new LinkedHashMap<>();
    for (List<TopicRow> page : pages) {
      page.forEach(row -> rows.putIfAbsent(row.topicId(), row));
    }
    return new ArrayList<>(rows.values());
  }

  /** The work for a row that changed since it was last queued, else null. */
  TopicWork changed(TopicRow row) {
    if (Objects.equals(queued.get(row.topicId()), RowState.of(row))) {
      return null;
    }
    return new TopicWork(row.topicId(), row.url(), Math.max(1, row.lastPage()), row.title());
  }

  /** The row's work was accepted by the queue: the same row is not queued again. */
  void queued(TopicRow row) {
    queued.put(row.topicId(), RowState.of(row));
  }
}
