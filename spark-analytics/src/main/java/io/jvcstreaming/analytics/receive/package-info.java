/**
 * The Spark receiver of the scraper's NDJSON stream (protocol v2), over a plain socket (no Netty/Vert.x of ours
 * on Spark's classpath): {@link io.jvcstreaming.analytics.receive.NdjsonReceiver} does the I/O,
 * {@code ReceiverSession} decides (handshake, answers, duplicates, gaps, replays), {@code TopicMarks} holds the
 * per-topic high-water marks and {@code SeqBookmark} keeps the position in the checkpoint directory.
 */
package io.jvcstreaming.analytics.receive;
