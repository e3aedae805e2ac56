package io.jvcstreaming.analytics.report;

import java.io.Serializable;

/**
 * One line of a top list.
 *
 * @param key   what is counted (a sticker URL, an author, a word, a topic id)
 * @param label what a human reads beside it, or null (the sticker's identifier, the topic's title)
 * @param count the count (in a trending list: the count within the window)
 * @param score a trending list's rank score (see {@code Rise}, 0..1), or null for an all-time list
 */
record ReportRow(String key, String label, long count, Double score) implements Serializable {
  private static final long serialVersionUID = 2L;

  public ReportRow(String key, String label, long count) {
    this(key, label, count, null);
  }

  public ReportRow withScore(double s) {
    return new ReportRow(key, label, count, s);
  }
}
