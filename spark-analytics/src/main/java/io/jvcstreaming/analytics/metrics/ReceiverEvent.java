package io.jvcstreaming.analytics.metrics;

import java.io.Serializable;

/**
 * What a receiver tells the driver (from its executor, through the plugin's RPC endpoint): rare events and one
 * {@link Kind#STORED} per stored block.
 *
 * @param streamId the receiver's input stream id
 * @param kind     what happened
 * @param value    {@link Kind#STORED}: the seq of the block's last post; {@link Kind#SKIPPED}: how many posts;
 *                 else -1
 */
record ReceiverEvent(int streamId, Kind kind, long value) implements Serializable {

  /** The kinds of event. */
  public enum Kind {
    /** The TCP connection to the scraper is open. */
    CONNECTED,
    /** The connection ended (closed by the server, refused, timed out, or the receiver stops). */
    DISCONNECTED,
    /** The receiver waits to connect again after a connection ended or failed. */
    RECONNECTING,
    /** A block was stored and bookmarked. */
    STORED,
    /** Posts read and not stored: already stored (seq) or already counted (the topic's high-water mark). */
    SKIPPED
  }
}
