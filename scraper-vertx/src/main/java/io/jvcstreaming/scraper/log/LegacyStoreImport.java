package io.jvcstreaming.scraper.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.LongSupplier;
import org.h2.mvstore.Cursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-time import of a store written by earlier versions (formats 1 and 2: an H2 MVStore file) into a journal
 * (format 3): the same stream id, seqs, posts, ids and bookmarks, so that readers resume across the upgrade. The
 * journal is written under a temporary name, synced and renamed into place; only then is the old file set aside
 * (renamed, kept): a crash at any step leaves either the old file to import again or the journal to read.
 */
final class LegacyStoreImport {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPostLog.class);

  /** The H2 file of formats 1 and 2. */
  static final String FILE_NAME = "jvc-log.mv.db";
  /** What the H2 file is renamed to once imported (an older scraper opens it again if it is renamed back). */
  static final String SET_ASIDE_SUFFIX = ".imported";

  private static final int CHUNK = 1_000;

  private LegacyStoreImport() {
  }

  static void run(Path dir, Path legacy, Path partial, Path journal, LongSupplier clock) {
    LocalStoreFile old = LocalStoreFile.open(dir, legacy, clock);
    long posts = 0;
    int bookmarks = old.maps.bookmarks.size();
    try {
      Long first = old.maps.log.firstKey();
      long firstSeq = first != null ? first : old.nextSeq();
      JournalFile out = JournalFile.create(partial);
      try {
        out.append(JournalRecords.stream(old.streamId, createdAt(old, clock), firstSeq));
        JournalRecords.appendBookmarks(out, old.maps.bookmarks.entrySet());
        posts = writePosts(old, out, firstSeq);
        if (firstSeq + posts != old.nextSeq()) {
          throw new IllegalStateException("local store " + legacy + ": " + posts + " post(s) from seq " + firstSeq
              + " but next seq " + old.nextSeq() + " (move the directory away to start a new stream)");
        }
        out.sync();
        out.moveTo(journal);
      } finally {
        out.close();
      }
    } finally {
      old.store.close();
    }
    setAside(legacy, "imported");
    LOG.info("local store {} imported into {} (format 3): stream {}, {} post(s), {} bookmark(s)",
        legacy.toAbsolutePath().normalize(), journal.getFileName(), old.streamId, posts, bookmarks);
  }

  /** Renames an imported H2 file out of the way, so that no later open imports it again. */
  static void setAside(Path legacy, String why) {
    Path aside = legacy.resolveSibling(legacy.getFileName() + SET_ASIDE_SUFFIX);
    try {
      Files.move(legacy, aside, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rename " + legacy + " to " + aside, e);
    }
    LOG.info("local store: the format-2 file {} ({}) is kept as {}", legacy.getFileName(), why, aside.getFileName());
  }

  private static long createdAt(LocalStoreFile old, LongSupplier clock) {
    String at = old.meta.get("createdAt");
    try {
      return at != null ? Instant.parse(at).toEpochMilli() : clock.getAsLong();
    } catch (DateTimeParseException e) {
      return clock.getAsLong();
    }
  }

  private static long writePosts(LocalStoreFile old, JournalFile out, long firstSeq) {
    long[] seqs = new long[CHUNK];
    long[] ids = new long[CHUNK];
    byte[][] lines = new byte[CHUNK][];
    int n = 0;
    long written = 0;
    long expected = firstSeq;
    Cursor<Long, byte[]> cursor = old.maps.log.cursor(null);
    while (cursor.hasNext()) {
      long seq = cursor.next();
      if (seq != expected) {
        throw new IllegalStateException("local store " + FILE_NAME + ": seq " + seq + " where " + expected
            + " was due (move the directory away to start a new stream)");
      }
      byte[] entry = cursor.getValue();
      seqs[n] = seq;
      ids[n] = LocalLogEntry.postId(entry);
      lines[n] = LocalLogEntry.line(entry);
      expected++;
      if (++n == CHUNK) {
        out.append(JournalRecords.posts(seqs, ids, lines, n));
        written += n;
        n = 0;
      }
    }
    if (n > 0) {
      out.append(JournalRecords.posts(seqs, ids, lines, n));
      written += n;
    }
    return written;
  }
}
