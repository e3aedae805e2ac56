/**
 * Log, the third stage: the durable log of streamed posts and the per-topic bookmarks, appended together so a post
 * is streamed once (Redis, a local store under the data directory, or memory). It gives each post its seq and feeds
 * the stream window; the source stage reads the bookmarks to know where a topic stops being new.
 *
 * <p>Each durable log is a thin {@link io.jvcstreaming.scraper.log.PostLog} around small package-private parts.
 * Local: {@code LocalStoreFile} opens the MVStore file (new stream, format-1 migration, or refusal),
 * {@code LocalStoreMaps} is the map schema, {@code LocalLogWriter} the single-writer commit path and
 * {@code LocalLogReader} the bookmark reads and window reload. Redis: {@code RedisAppendScript} is the Lua append
 * script and its arguments, {@code RedisLogTailer} the {@code XREAD BLOCK} tail into the window.
 */
package io.jvcstreaming.scraper.log;
