package io.jvcstreaming.analytics.report;

/** How a state key becomes a report row: the key itself, a sticker (identifier + URL), a topic (title + id). */
public enum Labels {
  PLAIN {
    @Override
    ReportRow row(String key, long count) {
      return new ReportRow(key, null, count);
    }
  },
  STICKER {
    @Override
    ReportRow row(String url, long count) {
      return new ReportRow(url, stickerId(url), count);
    }
  },
  TOPIC {
    @Override
    ReportRow row(String key, long count) {
      int tab = key.indexOf('\t');
      return tab < 0 ? new ReportRow(key, null, count)
          : new ReportRow(key.substring(0, tab), key.substring(tab + 1), count);
    }
  };

  abstract ReportRow row(String key, long count);

  /**
   * A sticker's identifier: the last path segment of its URL without the extension, e.g.
   * {@code …/fichiers/2026/48/3/1764100000-chat-content.jpg} gives {@code 1764100000-chat-content},
   * {@code https://image.jeuxvideo.com/stickers/p/1kki} gives {@code 1kki}.
   */
  static String stickerId(String url) {
    String path = url;
    int cut = indexOfAny(path, '?', '#');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    String id = dot > 0 ? last.substring(0, dot) : last;
    return id.isEmpty() ? url : id;
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
