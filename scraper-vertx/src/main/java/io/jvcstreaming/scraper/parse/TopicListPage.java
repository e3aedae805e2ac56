package io.jvcstreaming.scraper.parse;

import java.util.List;

/**
 * A parsed topic list page.
 *
 * @param rows        topic rows in page order, deduplicated by topic id (first occurrence wins)
 * @param skippedRows rows that looked like topic rows but had no parsable id (or no title/link/reply count)
 */
public record TopicListPage(List<TopicRow> rows, int skippedRows) {
  public TopicListPage {
    rows = List.copyOf(rows);
  }
}
