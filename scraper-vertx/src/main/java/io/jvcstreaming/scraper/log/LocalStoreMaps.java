package io.jvcstreaming.scraper.log;

import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;

/**
 * The local store's maps and their on-disk formats. Format 1 (before December 2026) kept every map with H2's
 * default {@code ObjectDataType}, which tags and dispatches each key and value by its class at every read and
 * write (the local-log thread's top frame in the crawl profile); format 2 keeps the same entries in maps with
 * typed keys and values ({@code log.2}, {@code ids.2}, {@code bookmarks.2}). A format-1 store is migrated when
 * it is opened, in one commit: a crash during the copy leaves it format 1, opened and migrated again next time.
 * The {@code meta} map (stream id, next seq, format) stays as it was in both formats.
 */
final class LocalStoreMaps {

  static final String FORMAT_1 = "1";
  static final String FORMAT_2 = "2";

  final MVMap<Long, byte[]> log;
  final MVMap<Long, Long> ids;
  final MVMap<Long, long[]> bookmarks;

  private LocalStoreMaps(MVStore store) {
    log = store.openMap("log.2", new MVMap.Builder<Long, byte[]>()
        .keyType(LongDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
    ids = store.openMap("ids.2", new MVMap.Builder<Long, Long>()
        .keyType(LongDataType.INSTANCE).valueType(LongDataType.INSTANCE));
    bookmarks = store.openMap("bookmarks.2", new MVMap.Builder<Long, long[]>()
        .keyType(LongDataType.INSTANCE).valueType(LongArrayType.INSTANCE));
  }

  /** The typed maps of a format-2 store (or a new one). */
  static LocalStoreMaps open(MVStore store) {
    return new LocalStoreMaps(store);
  }

  /**
   * Copies a format-1 store's maps into format-2 ones and drops the old maps, without committing: the caller
   * sets the format to 2 in {@code meta} and commits, so the copy and the new format land together.
   */
  static LocalStoreMaps migrate(MVStore store) {
    LocalStoreMaps maps = new LocalStoreMaps(store);
    MVMap<Long, byte[]> oldLog = store.openMap("log");
    MVMap<Long, Long> oldIds = store.openMap("ids");
    MVMap<Long, long[]> oldBookmarks = store.openMap("bookmarks");
    maps.log.clear();
    maps.ids.clear();
    maps.bookmarks.clear();
    maps.log.putAll(oldLog);
    maps.ids.putAll(oldIds);
    maps.bookmarks.putAll(oldBookmarks);
    store.removeMap(oldLog);
    store.removeMap(oldIds);
    store.removeMap(oldBookmarks);
    return maps;
  }

  /** A bookmark, {@code {maxId, lastPage, atMillis}}: a count and that many var-longs. */
  static final class LongArrayType extends BasicDataType<long[]> {
    static final LongArrayType INSTANCE = new LongArrayType();

    @Override
    public int getMemory(long[] value) {
      return 24 + 8 * value.length;
    }

    @Override
    public void write(WriteBuffer buff, long[] value) {
      buff.putVarInt(value.length);
      for (long v : value) {
        buff.putVarLong(v);
      }
    }

    @Override
    public long[] read(ByteBuffer buff) {
      long[] value = new long[DataUtils.readVarInt(buff)];
      for (int i = 0; i < value.length; i++) {
        value[i] = DataUtils.readVarLong(buff);
      }
      return value;
    }

    @Override
    public long[][] createStorage(int size) {
      return new long[size][];
    }
  }
}
