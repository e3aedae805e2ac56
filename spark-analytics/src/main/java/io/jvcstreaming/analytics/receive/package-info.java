/**
 * The start of receive → aggregate → report: the Spark receiver of the scraper's NDJSON stream (protocol v2), over
 * a plain socket (no Netty/Vert.x of ours on Spark's classpath). {@link io.jvcstreaming.analytics.receive.NdjsonReceiver}
 * owns the thread, the socket and the reconnect loop, {@code ConnectionReader} reads one connection's lines,
 * {@code PostBlock} stores them in blocks and bookmarks the position, {@code ReceiverLog} reports skipped lines;
 * {@code ReceiverSession} decides (handshake, answers, duplicates, gaps, replays) and tallies its losses in
 * {@code SessionCounters}, {@code TopicMarks} holds the per-topic high-water marks and {@code SeqBookmark} keeps
 * the position in the checkpoint directory.
 */
package io.jvcstreaming.analytics.receive;
