package io.jvcstreaming.scraper.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tail of the stream log held in memory: the encoded NDJSON lines of the last {@code capacity} posts,
 * indexed by their continuous {@code seq}. Stream clients read from here; the log store (Redis or
 * memory) feeds it in seq order.
 *
 * <p>Thread-safe: appended by the log store's context, read by the stream server's event loop.
 */
public final class RecentPosts {

  private final int capacity;
  private final byte[][] lines;
  /** seq of the oldest line held; -1 while empty. */
  private long firstSeq = -1;
  private long nextSeq = 0;
  private int size;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public RecentPosts(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.lines = new byte[capacity][];
  }

  /** Called after every append that added something (on the appender's thread: keep it short). */
  public void onAppend(Runnable listener) {
    listeners.add(listener);
  }

  /**
   * Appends the line of post {@code seq}. Seqs must arrive in order: a seq already held is ignored (a
   * tailer may re-read an entry after a reconnect), a gap resets the window to start at {@code seq}
   * (only possible when the store lost entries, which the log's MAXLEN makes explicit).
   *
   * @return true if the line was added
   */
  public boolean append(long seq, byte[] line) {
    boolean added;
    synchronized (this) {
      added = appendLocked(seq, line);
    }
    if (added) {
      listeners.forEach(Runnable::run);
    }
    return added;
  }

  /** Appends many lines (seqs ascending) and notifies once. */
  public int appendAll(long[] seqs, byte[][] batch, int count) {
    int added = 0;
    synchronized (this) {
      for (int i = 0; i < count; i++) {
        if (appendLocked(seqs[i], batch[i])) {
          added++;
        }
      }
    }
    if (added > 0) {
      listeners.forEach(Runnable::run);
    }
    return added;
  }

  private boolean appendLocked(long seq, byte[] line) {
    if (size > 0 && seq < nextSeq) {
      return false;
    }
    if (size > 0 && seq > nextSeq) {
      size = 0; // a gap: what we hold is no longer a continuous window
    }
    if (size == 0) {
      firstSeq = seq;
    } else if (size == capacity) {
      firstSeq++;
      size--;
    }
    lines[(int) (seq % capacity)] = line;
    size++;
    nextSeq = seq + 1;
    return true;
  }

  /** Seq of the oldest post held, or -1 when empty. */
  public synchronized long firstSeq() {
    return size == 0 ? -1 : firstSeq;
  }

  /** Seq of the newest post held, or -1 when empty. */
  public synchronized long lastSeq() {
    return size == 0 ? -1 : nextSeq - 1;
  }

  /**
   * {oldest seq held, newest seq held}, read together (what a greeting announces). Empty: {-1, the seq just before
   * the first one to come}, so that a reader is told where the stream starts (a Redis log's first seq is 1).
   */
  public synchronized long[] bounds() {
    return size == 0 ? new long[] {-1, nextSeq - 1} : new long[] {firstSeq, nextSeq - 1};
  }

  /** Called by a log store that holds no post yet: the seq its first post will get. Ignored once posts are held. */
  public synchronized void startAt(long firstSeqToCome) {
    if (size == 0) {
      nextSeq = firstSeqToCome;
    }
  }

  public synchronized int size() {
    return size;
  }

  /**
   * Copies into {@code out} the lines of seq {@code from}, {@code from+1}, … up to {@code maxLines} lines or
   * {@code maxBytes} bytes (at least one line if any is available).
   *
   * @return the seq after the last line copied ({@code from} if nothing was), or -1 if {@code from} is older
   *     than the oldest line held (the caller has fallen out of the window)
   */
  public synchronized long read(long from, int maxLines, int maxBytes, List<byte[]> out) {
    if (size == 0) {
      return from;
    }
    if (from < firstSeq) {
      return -1;
    }
    long seq = from;
    int bytes = 0;
    while (seq < nextSeq && out.size() < maxLines) {
      byte[] line = lines[(int) (seq % capacity)];
      if (bytes > 0 && bytes + line.length > maxBytes) {
        break;
      }
      out.add(line);
      bytes += line.length;
      seq++;
    }
    return seq;
  }

  /** Convenience for tests and tools: every line held from {@code from}. */
  public List<byte[]> readAll(long from) {
    List<byte[]> out = new ArrayList<>();
    read(from, Integer.MAX_VALUE, Integer.MAX_VALUE, out);
    return out;
  }
}
