package io.jvcstreaming.analytics.state;

/**
 * How much a key is rising: the trending lists rank by it instead of by the window's raw count, so a short run (or
 * a steady favourite) does not show the all-time list a second time.
 *
 * <pre>
 *   score = recent / (allTime + PRIOR)        only for recent >= MIN_RECENT
 * </pre>
 *
 * {@code recent} is the key's count in the last {@code --window} W, {@code allTime} its all-time count (which
 * includes the window), covering some span T. The rate ratio "recent rate against the long-run rate" is
 * {@code (recent / W) / ((allTime + PRIOR) / T)} = {@code score × T / W}: W and T are the same for every key of a
 * batch, so ranking by {@code score} is ranking by the rate ratio, without having to define T (the all-time counts
 * span replays of the scraper's log, driver restarts and idle evictions, so no clock gives it). What {@code score}
 * says on its own: the share of the key's whole count that arrived within the window, between 0 and 1. A key that
 * is all new scores near 1, a favourite that has been steady for hours near W / T.
 *
 * <p>{@code PRIOR} pulls small counts towards "not rising": a key seen once, just now, would otherwise score 1 and
 * outrank everything. {@code MIN_RECENT} keeps keys seen once or twice in the window out of the list altogether.
 *
 * <p>The score travels through the report plumbing (which ranks {@code (key, long)} pairs by the long, highest
 * first) packed with the recent count into one long: the score, quantized to {@value #SCALE}ths, in the high bits,
 * so the order is by score, then recent count, then key.
 */
public final class Rise {

  static final long PRIOR = 5;
  static final long MIN_RECENT = 3;
  static final long SCALE = 1_000_000;
  private static final int COUNT_BITS = 43;
  private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

  private Rise() {
  }

  /** Whether a key with this count in the window is listed at all. */
  public static boolean listed(long recent) {
    return recent >= MIN_RECENT;
  }

  /**
   * @param recent  the count in the window, at least 0
   * @param allTime the all-time count; below {@code recent} only if the all-time state lost the key (then the
   *                window is all we know of it, and it is taken as its whole history)
   */
  public static double score(long recent, long allTime) {
    if (recent <= 0) {
      return 0;
    }
    return (double) recent / (Math.max(allTime, recent) + PRIOR);
  }

  /** The score and the recent count in one long that orders like (score, recent). */
  public static long pack(double score, long recent) {
    long quantized = Math.min(SCALE, Math.max(0, Math.round(score * SCALE)));
    return quantized << COUNT_BITS | Math.min(recent, COUNT_MASK);
  }

  public static long recentOf(long packed) {
    return packed & COUNT_MASK;
  }

  public static double scoreOf(long packed) {
    return (double) (packed >>> COUNT_BITS) / SCALE;
  }
}
