package io.jvcstreaming.scraper.log;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;

/**
 * The payloads of the journal's records, integers big-endian, a type byte first:
 * <ul>
 *   <li>{@code STREAM}: stream id (8 bytes), created at (ms), the seq of the file's first post. First in a file.</li>
 *   <li>{@code APPEND}: one append, whole: topic id, bookmark (max id, last page, at ms), then its posts.</li>
 *   <li>{@code BOOKMARKS}: a compacted file's bookmarks: a count, then (topic id, max id, last page, at ms).</li>
 *   <li>{@code POSTS}: a compacted file's window: posts only.</li>
 * </ul>
 * Posts are a count, then for each: seq, post id, line length, the line ({@code \n} included).
 */
final class JournalRecords {

  static final byte STREAM = 1;
  static final byte APPEND = 2;
  static final byte BOOKMARKS = 3;
  static final byte POSTS = 4;

  static final int BOOKMARKS_PER_RECORD = 4_096;
  private static final int BOOKMARK_BYTES = 8 + 8 + 4 + 8;

  /** What a record holds, in the order it holds it. */
  interface Reader {
    void stream(String streamId, long createdAtMillis, long firstSeq);

    void bookmark(long topicId, long maxId, int lastPage, long atMillis);

    void post(long seq, long postId, byte[] line);
  }

  private JournalRecords() {
  }

  static ByteBuffer stream(String streamId, long createdAtMillis, long firstSeq) {
    return ByteBuffer.allocate(1 + 8 + 8 + 8).put(STREAM).put(HexFormat.of().parseHex(streamId))
        .putLong(createdAtMillis).putLong(firstSeq).flip();
  }

  /** @param bookmark {max id, last page, at ms} */
  static ByteBuffer append(long topicId, long[] bookmark, long[] seqs, long[] postIds, byte[][] lines, int count) {
    ByteBuffer out = ByteBuffer.allocate(1 + BOOKMARK_BYTES + postsBytes(lines, count)).put(APPEND);
    putBookmark(out, topicId, bookmark);
    return putPosts(out, seqs, postIds, lines, count).flip();
  }

  static ByteBuffer bookmarks(long[] topicIds, long[][] bookmarks, int count) {
    ByteBuffer out = ByteBuffer.allocate(1 + 4 + count * BOOKMARK_BYTES).put(BOOKMARKS).putInt(count);
    for (int i = 0; i < count; i++) {
      putBookmark(out, topicIds[i], bookmarks[i]);
    }
    return out.flip();
  }

  /** Appends {@code bookmarks} to {@code out} as BOOKMARKS records of at most {@value #BOOKMARKS_PER_RECORD}. */
  static void appendBookmarks(JournalFile out, Iterable<Map.Entry<Long, long[]>> bookmarks) {
    long[] topics = new long[BOOKMARKS_PER_RECORD];
    long[][] values = new long[BOOKMARKS_PER_RECORD][];
    int n = 0;
    for (Map.Entry<Long, long[]> e : bookmarks) {
      topics[n] = e.getKey();
      values[n] = e.getValue();
      if (++n == BOOKMARKS_PER_RECORD) {
        out.append(bookmarks(topics, values, n));
        n = 0;
      }
    }
    if (n > 0) {
      out.append(bookmarks(topics, values, n));
    }
  }

  static ByteBuffer posts(long[] seqs, long[] postIds, byte[][] lines, int count) {
    ByteBuffer out = ByteBuffer.allocate(1 + postsBytes(lines, count)).put(POSTS);
    return putPosts(out, seqs, postIds, lines, count).flip();
  }

  /** Hands what {@code payload} holds to {@code reader}; a record it cannot read whole is an error. */
  static void read(ByteBuffer payload, Reader reader) {
    try {
      byte type = payload.get();
      switch (type) {
        case STREAM -> {
          byte[] id = new byte[8];
          payload.get(id);
          reader.stream(HexFormat.of().formatHex(id), payload.getLong(), payload.getLong());
        }
        case APPEND -> {
          readBookmark(payload, reader);
          readPosts(payload, reader);
        }
        case BOOKMARKS -> {
          int count = payload.getInt();
          for (int i = 0; i < count; i++) {
            readBookmark(payload, reader);
          }
        }
        case POSTS -> readPosts(payload, reader);
        default -> throw new IllegalStateException("unknown record type " + type);
      }
      if (payload.hasRemaining()) {
        throw new IllegalStateException(payload.remaining() + " byte(s) after the record's end");
      }
    } catch (BufferUnderflowException | NegativeArraySizeException e) {
      throw new IllegalStateException("a record shorter than its fields", e);
    }
  }

  private static int postsBytes(byte[][] lines, int count) {
    int bytes = 4;
    for (int i = 0; i < count; i++) {
      bytes += 8 + 8 + 4 + lines[i].length;
    }
    return bytes;
  }

  private static void putBookmark(ByteBuffer out, long topicId, long[] bookmark) {
    out.putLong(topicId).putLong(bookmark[0]).putInt((int) bookmark[1]).putLong(bookmark[2]);
  }

  private static ByteBuffer putPosts(ByteBuffer out, long[] seqs, long[] postIds, byte[][] lines, int count) {
    out.putInt(count);
    for (int i = 0; i < count; i++) {
      out.putLong(seqs[i]).putLong(postIds[i]).putInt(lines[i].length).put(lines[i]);
    }
    return out;
  }

  private static void readBookmark(ByteBuffer in, Reader reader) {
    reader.bookmark(in.getLong(), in.getLong(), in.getInt(), in.getLong());
  }

  private static void readPosts(ByteBuffer in, Reader reader) {
    int count = in.getInt();
    for (int i = 0; i < count; i++) {
      long seq = in.getLong();
      long postId = in.getLong();
      byte[] line = new byte[in.getInt()];
      in.get(line);
      reader.post(seq, postId, line);
    }
  }
}
