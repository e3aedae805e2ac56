/**
 * Log, the third stage: the durable log of streamed posts and the per-topic bookmarks, appended together so a post
 * is streamed once (Redis, a local store under the data directory, or memory). It gives each post its seq and feeds
 * the stream window; the source stage reads the bookmarks to know where a topic stops being new.
 *
 * <p>Each durable log is a thin {@link io.jvcstreaming.scraper.log.PostLog} around small package-private parts.
 * Local: {@code LocalLog} is the store's state and its append, expiry and rewrite, {@code JournalFile} the
 * append-only file (framing, checks, cut-back), {@code JournalRecords} the records' payloads, {@code DataDirLock} the
 * directory's lock, {@code PostIdGuard} the id guard (shared with the in-memory log); {@code LegacyStoreImport}
 * imports an H2 store of formats 1 and 2 once, through {@code LocalStoreFile} and {@code LocalStoreMaps}. Redis: {@code RedisAppendScript} is the Lua append
 * script and its arguments, {@code RedisLogTailer} the {@code XREAD BLOCK} tail into the window.
 */
package io.jvcstreaming.scraper.log;
