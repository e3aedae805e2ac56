package io.jvcstreaming.analytics.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeqBookmarkTest {

  static final String A = "0123456789abcdef";

  @TempDir
  Path dir;

  private SeqBookmark bookmark() throws Exception {
    return new SeqBookmark(dir.toString(), 0);
  }

  private static TopicMarks marks(int topics) {
    TopicMarks m = new TopicMarks(TopicMarks.DEFAULT_CAPACITY);
    for (int i = 0; i < topics; i++) {
      m.advance(77_300_000L + i * 7L, 1_320_000_000L + i * 13L);
    }
    return m;
  }

  @Test
  void aMissingBookmarkIsAFirstStart() throws Exception {
    assertThat(bookmark().load(10)).isEmpty();
  }

  @Test
  void saveThenLoadGivesTheSamePosition() throws Exception {
    SeqBookmark b = bookmark();
    TopicMarks m = marks(1_000);
    m.advance(77_300_000L, 1_999_999_999L); // moves that topic to the end: order is kept too
    b.save(A, 4_084, m);
    SeqBookmark.Saved s = b.load(TopicMarks.DEFAULT_CAPACITY).orElseThrow();
    assertThat(s.streamId()).isEqualTo(A);
    assertThat(s.seq()).isEqualTo(4_084);
    assertThat(s.marks()).isEqualTo(m);
    assertThat(s.marks().mark(77_300_000L)).isEqualTo(1_999_999_999L);

    b.save(A, 4_085, m); // replaces
    assertThat(b.load(TopicMarks.DEFAULT_CAPACITY).orElseThrow().seq()).isEqualTo(4_085);
    // a fresh position (no post yet) round-trips too
    b.save(A, -1, new TopicMarks(5));
    assertThat(b.load(5).orElseThrow()).extracting(SeqBookmark.Saved::seq).isEqualTo(-1L);
  }

  @Test
  void aTornTemporaryFileNextToAGoodBookmarkIsIgnored() throws Exception {
    SeqBookmark b = bookmark();
    b.save(A, 77, marks(3));
    byte[] next = SeqBookmark.encode(A, 78, marks(4));
    writeRaw(b, b.tmp(), Arrays.copyOf(next, next.length / 2)); // a crash in the middle of the next save
    assertThat(b.load(10).orElseThrow().seq()).isEqualTo(77);
  }

  @Test
  void aWholeTemporaryFileIsUsedWhenTheBookmarkIsGone() throws Exception {
    // the rename fallback deletes the bookmark before renaming the temporary file over it
    SeqBookmark b = bookmark();
    writeRaw(b, b.tmp(), SeqBookmark.encode(A, 12, marks(2)));
    assertThat(b.load(10).orElseThrow().seq()).isEqualTo(12);
  }

  @Test
  void aTornFirstTemporaryFileAloneIsAFirstStart() throws Exception {
    SeqBookmark b = bookmark();
    byte[] first = SeqBookmark.encode(A, 12, marks(2));
    writeRaw(b, b.tmp(), Arrays.copyOf(first, 10));
    assertThat(b.load(10)).isEmpty();
  }

  @Test
  void aCorruptBookmarkIsAnErrorNamingTheFileAndTheWayOut() throws Exception {
    SeqBookmark b = bookmark();
    byte[] bytes = SeqBookmark.encode(A, 4_084, marks(50));
    bytes[40] ^= 0x10; // one flipped bit in the marks
    writeRaw(b, b.file(), bytes);
    assertThatThrownBy(() -> b.load(10)).isInstanceOf(SeqBookmark.BookmarkException.class)
        .hasMessageContaining(b.file().toString()).hasMessageContaining("checksum")
        .hasMessageContaining("Delete").hasMessageContaining("to start over");
  }

  @Test
  void aTruncatedBookmarkIsAnError() throws Exception {
    SeqBookmark b = bookmark();
    byte[] bytes = SeqBookmark.encode(A, 4_084, marks(50));
    writeRaw(b, b.file(), Arrays.copyOf(bytes, bytes.length - 7));
    assertThatThrownBy(() -> b.load(10)).isInstanceOf(SeqBookmark.BookmarkException.class)
        .hasMessageContaining(b.file().toString()).hasMessageContaining("to start over");
  }

  @Test
  void aBookmarkDamagedBehindTheFileSystemsBackIsAnError() throws Exception {
    SeqBookmark b = bookmark();
    b.save(A, 4_084, marks(50));
    Path file = dir.resolve("receiver-bookmarks").resolve("stream-0.seq");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes); // the local file system's .crc sidecar no longer matches either
    assertThatThrownBy(() -> b.load(10)).isInstanceOf(SeqBookmark.BookmarkException.class)
        .hasMessageContaining(b.file().toString()).hasMessageContaining("corrupt");
  }

  @Test
  void anotherFormatVersionIsAnError() throws Exception {
    SeqBookmark b = bookmark();
    byte[] bytes = SeqBookmark.encode(A, 4_084, marks(5));
    bytes[4] = 3;
    writeRaw(b, b.file(), bytes);
    assertThatThrownBy(() -> b.load(10)).isInstanceOf(SeqBookmark.BookmarkException.class)
        .hasMessageContaining("format version 3").hasMessageContaining("reads version 2")
        .hasMessageContaining(b.file().toString());
  }

  @Test
  void theOldV1BareSeqIsRefusedNotTrusted() throws Exception {
    SeqBookmark b = bookmark();
    writeRaw(b, b.file(), "4084".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> b.load(10)).isInstanceOf(SeqBookmark.BookmarkException.class)
        .hasMessageContaining("old v1 form").hasMessageContaining("'4084'")
        .hasMessageContaining(b.file().toString()).hasMessageContaining("to start over");
  }

  @Test
  void fiftyThousandTopicsWriteTime() throws Exception {
    SeqBookmark b = bookmark();
    TopicMarks m = marks(TopicMarks.DEFAULT_CAPACITY);
    for (int i = 0; i < 5; i++) {
      b.save(A, i, m); // warm-up
    }
    int rounds = 20;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      b.save(A, 100 + i, m);
    }
    double ms = (System.nanoTime() - start) / 1e6 / rounds;
    long encodeStart = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      SeqBookmark.encode(A, i, m);
    }
    double encodeMs = (System.nanoTime() - encodeStart) / 1e6 / rounds;
    long size = b.fileSystem().getFileStatus(b.file()).getLen();
    System.out.printf(Locale.ROOT, "SeqBookmark: %d topics, %d bytes, %.2f ms per save (of which encoding %.2f ms;"
        + " mean of %d, local FS)%n", m.size(), size, ms, encodeMs, rounds);
    Optional<SeqBookmark.Saved> back = b.load(TopicMarks.DEFAULT_CAPACITY);
    assertThat(back.orElseThrow().marks().size()).isEqualTo(TopicMarks.DEFAULT_CAPACITY);
    assertThat(back.get().seq()).isEqualTo(100 + rounds - 1);
  }

  /** Writes through the Hadoop file system (its .crc sidecar matches): only our own checks can object. */
  private static void writeRaw(SeqBookmark b, org.apache.hadoop.fs.Path p, byte[] bytes) throws Exception {
    FileSystem fs = b.fileSystem();
    try (OutputStream out = fs.create(p, true)) {
      out.write(bytes);
    }
  }
}
