/**
 * The NDJSON wire protocol between the scraper's stream server and the Spark receiver
 * (see {@code docs/protocol.md}): post lines, bounded line reading, and the client handshake.
 */
package io.jvcstreaming.codec;
