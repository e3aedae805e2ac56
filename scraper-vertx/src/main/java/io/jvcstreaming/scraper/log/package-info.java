/**
 * Log, the third stage: the durable log of streamed posts and the per-topic bookmarks, appended together so a post
 * is streamed once (Redis, a local store under the data directory, or memory). It gives each post its seq and feeds
 * the stream window; the source stage reads the bookmarks to know where a topic stops being new.
 */
package io.jvcstreaming.scraper.log;
