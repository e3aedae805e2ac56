package io.jvcstreaming.scraper.log;

import java.nio.ByteBuffer;

/**
 * One stored entry of the local log: the post's id (8 bytes, big-endian) then its NDJSON line with its seq.
 * The id rides along so that trimming the oldest entries can drop their ids from the guard without parsing JSON.
 */
final class LocalLogEntry {

  private LocalLogEntry() {
  }

  static byte[] encode(long postId, byte[] line) {
    return ByteBuffer.allocate(Long.BYTES + line.length).putLong(postId).put(line).array();
  }

  static long postId(byte[] entry) {
    return ByteBuffer.wrap(entry).getLong();
  }

  /** The line, {@code \n} included. */
  static byte[] line(byte[] entry) {
    byte[] line = new byte[entry.length - Long.BYTES];
    System.arraycopy(entry, Long.BYTES, line, 0, line.length);
    return line;
  }
}
