package io.jvcstreaming.scraper.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local store file as opened: the MVStore, its {@code meta} map, the typed maps and the stream id. Opening
 * is where the on-disk format is decided: a missing store becomes a new stream, a format-1 store is migrated to
 * format 2 (see {@link LocalStoreMaps}) in one commit, anything else is refused before a post is written. Runs on
 * the local log's worker thread, as everything that touches the store does.
 */
final class LocalStoreFile {

  // the log lines keep the category of the class that used to hold this code, so log configs keep matching
  private static final Logger LOG = LoggerFactory.getLogger(LocalPostLog.class);

  static final String FORMAT = LocalStoreMaps.FORMAT_2;

  final MVStore store;
  final MVMap<String, String> meta;
  final LocalStoreMaps maps;
  final String streamId;

  private LocalStoreFile(MVStore store, MVMap<String, String> meta, LocalStoreMaps maps, String streamId) {
    this.store = store;
    this.meta = meta;
    this.maps = maps;
    this.streamId = streamId;
  }

  static LocalStoreFile open(Path dir, Path file, LongSupplier clock) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir.toAbsolutePath().normalize(), e);
    }
    MVStore store;
    try {
      // a 1 MiB page cache, not MVStore's 16 MiB: the store is written at its tail and read back only for a
      // bookmark or a resume, so a large cache only held committed pages on the heap (peak RSS -4.5 MiB per crawl)
      store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().cacheSize(1).open();
    } catch (MVStoreException e) {
      if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        throw new DataDirInUseException(dir, file, e);
      }
      throw new IllegalStateException("cannot open the local store " + file.toAbsolutePath().normalize() + ": "
          + e.getMessage() + " (move the directory away to start a new stream)", e);
    }
    try {
      return readOrCreate(store, file, clock);
    } catch (RuntimeException e) {
      // a half-done migration must not reach the file (close() would commit it), and the lock must go
      if (!store.isClosed()) {
        store.closeImmediately();
      }
      throw e;
    }
  }

  private static LocalStoreFile readOrCreate(MVStore store, Path file, LongSupplier clock) {
    MVMap<String, String> meta = store.openMap("meta");
    String id = meta.get("streamId");
    String format = meta.get("format");
    LocalStoreMaps maps;
    if (id != null && LocalStoreMaps.FORMAT_1.equals(format) && StreamIds.valid(id)) {
      maps = LocalStoreMaps.migrate(store);
      meta.put("format", FORMAT);
      store.commit();
      LOG.info("local store {} migrated from format 1 to {} (typed maps): {} post(s), {} bookmark(s), stream {}",
          file.toAbsolutePath().normalize(), FORMAT, maps.log.sizeAsLong(), maps.bookmarks.sizeAsLong(), id);
    } else {
      maps = LocalStoreMaps.open(store);
    }
    if (id == null) {
      // a new store is a new stream: positions of any earlier one mean nothing here
      id = StreamIds.fresh();
      meta.put("format", FORMAT);
      meta.put("streamId", id);
      meta.put("nextSeq", "0");
      meta.put("createdAt", java.time.Instant.ofEpochMilli(clock.getAsLong()).toString());
      store.commit();
      LOG.info("local store created at {}: new stream {}", file.toAbsolutePath().normalize(), id);
    } else if (!FORMAT.equals(meta.get("format")) || !StreamIds.valid(id)) {
      store.closeImmediately();
      throw new IllegalStateException("local store " + file.toAbsolutePath().normalize() + " has format "
          + meta.get("format") + " and stream id " + id + ", this scraper reads formats " + LocalStoreMaps.FORMAT_1
          + " and " + FORMAT + " (move the directory away to start a new stream)");
    }
    return new LocalStoreFile(store, meta, maps, id);
  }

  /** The seq the next appended post gets, as last committed. */
  long nextSeq() {
    return Long.parseLong(meta.get("nextSeq"));
  }
}
