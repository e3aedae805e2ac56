package io.jvcstreaming.analytics.report;

import java.io.Serializable;

/**
 * One line of a top list.
 *
 * @param key   what is counted (a sticker URL, an author, a word, a topic id)
 * @param label what a human reads beside it, or null (the sticker's identifier, the topic's title)
 * @param count the count
 */
public record ReportRow(String key, String label, long count) implements Serializable {
  private static final long serialVersionUID = 1L;
}
