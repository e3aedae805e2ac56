package io.jvcstreaming.codec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into {@code \n}-terminated lines without ever holding more than {@code maxLineBytes}
 * of one line: an over-long line is discarded up to its newline and reported, so a hostile or broken
 * peer cannot cause an OutOfMemoryError.
 *
 * <p>Not thread-safe; one reader per connection.
 */
public final class BoundedLineReader {

  /** What {@link #next()} found. */
  public enum Kind { LINE, TOO_LONG, END }

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] readBuf = new byte[64 * 1024];
  private int readPos;
  private int readLimit;
  private byte[] line;
  private int lineLength;
  private long discardedBytes;
  private long partialAtEnd;

  public BoundedLineReader(InputStream in, int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be >= 1, got " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.line = new byte[Math.min(1024, maxLineBytes + 1)];
  }

  /**
   * Reads up to the next newline. {@link Kind#LINE}: the line is in {@link #buffer()}[0, {@link #length()})
   * without its {@code \n} (nor a {@code \r} before it). {@link Kind#TOO_LONG}: a line over the limit was
   * skipped, {@link #discardedBytes()} says how long it was. {@link Kind#END}: the stream ended; an
   * unterminated fragment before the end is dropped (a writer always ends a line with {@code \n}, so it
   * is a line cut by a dropped connection) and counted in {@link #partialAtEnd()}.
   */
  public Kind next() throws IOException {
    lineLength = 0;
    boolean overflow = false;
    long skipped = 0;
    while (true) {
      if (readPos == readLimit) {
        int n = in.read(readBuf);
        if (n < 0) {
          if (lineLength > 0 || skipped > 0) {
            partialAtEnd++;
          }
          lineLength = 0;
          return Kind.END;
        }
        readPos = 0;
        readLimit = n;
      }
      int nl = indexOfNewline(readBuf, readPos, readLimit);
      int end = nl < 0 ? readLimit : nl;
      int chunk = end - readPos;
      if (overflow) {
        skipped += chunk;
      } else if (lineLength + chunk > maxLineBytes) {
        overflow = true;
        skipped = (long) lineLength + chunk;
        lineLength = 0;
      } else {
        ensureCapacity(lineLength + chunk);
        System.arraycopy(readBuf, readPos, line, lineLength, chunk);
        lineLength += chunk;
      }
      if (nl < 0) {
        readPos = readLimit;
        continue;
      }
      readPos = nl + 1;
      if (overflow) {
        discardedBytes = skipped;
        return Kind.TOO_LONG;
      }
      if (lineLength > 0 && line[lineLength - 1] == '\r') {
        lineLength--;
      }
      return Kind.LINE;
    }
  }

  private static int indexOfNewline(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void ensureCapacity(int needed) {
    if (needed > line.length) {
      line = Arrays.copyOf(line, Math.min(Math.max(needed, line.length * 2), maxLineBytes + 1));
    }
  }

  /** The current line's bytes; valid until the next call to {@link #next()}. */
  public byte[] buffer() {
    return line;
  }

  public int length() {
    return lineLength;
  }

  /** The current line as a string. */
  public String lineAsString() {
    return new String(line, 0, lineLength, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Length of the last over-long line skipped. */
  public long discardedBytes() {
    return discardedBytes;
  }

  /** How many times the stream ended in the middle of a line. */
  public long partialAtEnd() {
    return partialAtEnd;
  }
}
