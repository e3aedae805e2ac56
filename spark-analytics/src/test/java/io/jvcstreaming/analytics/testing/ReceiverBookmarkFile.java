package io.jvcstreaming.analytics.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a test reads of receiver 0's bookmark file, as the receiver writes it (SeqBookmark's format v2). */
public final class ReceiverBookmarkFile {

  private ReceiverBookmarkFile() {
  }

  /**
   * The posts receiver 0 stored, for a stream the server numbers from 0 with nothing skipped: its bookmark holds
   * the seq of the last post of the last stored block, written after each store. 0 before the first write, or when
   * the read falls between the receiver's write and its rename (callers poll, or read after the stop).
   *
   * @param checkpoint the job's versioned checkpoint directory ({@code <checkpoint-dir>/<build version>})
   */
  public static long storedPosts(Path checkpoint) {
    Path bookmark = checkpoint.resolve("receiver-bookmarks/stream-0.seq");
    try (InputStream in = Files.newInputStream(bookmark); DataInputStream data = new DataInputStream(in)) {
      data.skipNBytes(4 + 1 + 16); // magic, version, stream id
      return data.readLong() + 1;
    } catch (IOException e) {
      return 0;
    }
  }
}
