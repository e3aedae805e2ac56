package io.jvcstreaming.analytics.receive;

import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.metrics.ReceiverEvents;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.retry.Backoff;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import org.apache.spark.SparkEnv;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.receiver.Receiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the scraper's NDJSON stream (protocol v2: docs/protocol.md, docs/protocol-v2-contract.md) over a
 * plain {@link Socket}. The handshake and every keep/skip decision are {@link ReceiverSession}'s; this class
 * owns the socket, the thread, the reconnect loop and the {@link SeqBookmark}; one connection's read loop is
 * {@link ConnectionReader}'s, the block of posts to {@code store()} and bookmark is {@link PostBlock}, what is
 * logged and reported about skipped lines is {@link ReceiverLog}'s.
 *
 * <ul>
 *   <li>Handshake: wait for {@code # HELLO} (none within {@value #HANDSHAKE_TIMEOUT_MS} ms: reconnect with
 *       backoff), then {@code AUTH <token>} when a token is set, then {@code RESUME <stream id> <seq>} from the
 *       bookmark ({@code RESUME <greeted id> -1} on a first start), then act on the one answer line.</li>
 *   <li>The token is read at {@link #onStart()} from the system property {@value #TOKEN_PROPERTY}, else the
 *       environment variable {@value #TOKEN_ENV}: it is never a field of this (serialized, checkpointed)
 *       object.</li>
 *   <li>Posts are stored in blocks with {@link #store(java.util.Iterator, Object)}, their {@link BlockIds} as
 *       the block's metadata; it returns only once Spark has
 *       stored the block (and written it to the write-ahead log when enabled). A block is cut just before the
 *       {@code spark.streaming.blockInterval} boundary (half a batch, see {@code SparkSettings}) that follows its
 *       first post, so it joins the batch starting there ({@link BlockDeadline}), or at {@value #MAX_BLOCK_RECORDS} posts.
 *       After each stored block the position (stream id, seq, per-topic high-water marks) is written to the
 *       bookmark.</li>
 *   <li>Bookmark missing: first start. Bookmark unreadable, corrupt or of an old format: the receiver logs an
 *       ERROR and reports it to the Spark UI (the message names the file and says to delete it to start over)
 *       and does <em>not</em> stream; it tries the load again with backoff (up to the maximum backoff), so
 *       deleting or restoring the file is picked up without restarting the job. It never replays from -1 on its
 *       own. (Stopping the receiver instead would only make Spark's receiver tracker start it again, elsewhere,
 *       in a loop.)</li>
 *   <li>Disconnects and refused connections are retried with capped exponential backoff and jitter.</li>
 *   <li>A malformed line or a line over {@link PostCodec#MAX_LINE_BYTES} is skipped, counted and reported
 *       through {@link #reportError}; it never stops the receiver. So are gaps in seq (accepted).</li>
 * </ul>
 *
 * <p>Threading: {@link #onStart()} starts one named daemon thread that does all the work; {@link #onStop()}
 * closes the socket so that thread ends. Across Spark's {@code restart()} of this instance the session (the
 * in-memory position) is kept when it matches what was stored, else reloaded from the bookmark.
 */
public final class NdjsonReceiver extends Receiver<Post> {

  // kept at 1 across the v2 rework (fields only added/removed: a compatible change), so a checkpoint written by
  // the v1 receiver still loads and its v1 bookmark is then refused with a clear message
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(NdjsonReceiver.class);

  static final String TOKEN_PROPERTY = "jvc.stream.token";
  static final String TOKEN_ENV = "STREAM_TOKEN";
  static final int MAX_BLOCK_RECORDS = 25_000;
  static final long HANDSHAKE_TIMEOUT_MS = 10_000;
  /** Errors reported one by one up to this count, then one report per {@value #REPORT_EVERY}. */
  static final long REPORT_ALL_UP_TO = 100;
  static final long REPORT_EVERY = 1_000;
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private volatile String host;
  private volatile int port;
  private final String checkpointDir;
  private final int maxLineBytes;
  private final long initialBackoffMillis;
  private final long maxBackoffMillis;
  /** 0 in a receiver deserialized from a v1 checkpoint (the field did not exist): see {@link #handshakeTimeout()}. */
  private final long handshakeTimeoutMillis;

  private transient volatile String token;
  /** The position as stored; null until loaded, or after a failure left it ahead of what was stored. */
  private transient volatile ReceiverSession session;
  private transient volatile Socket socket;
  private transient volatile Thread worker;
  /** Counts and reports the skipped lines and gaps across connections; made at the first start. */
  private transient ReceiverLog log;

  public NdjsonReceiver(String host, int port, String checkpointDir, boolean writeAheadLog) {
    this(host, port, checkpointDir, writeAheadLog, PostCodec.MAX_LINE_BYTES, 100, 15_000, HANDSHAKE_TIMEOUT_MS);
  }

  /** Transition: the token in {@code config} is not used (see {@link #TOKEN_PROPERTY}). */
  public NdjsonReceiver(JobConfig config) {
    this(config.sourceHost(), config.sourcePort(), config.checkpointDir(), config.writeAheadLog());
  }

  NdjsonReceiver(String host, int port, String checkpointDir, boolean writeAheadLog, int maxLineBytes,
                 long initialBackoffMillis, long maxBackoffMillis, long handshakeTimeoutMillis) {
    // With the write-ahead log the data is already durable: a second in-memory copy only costs memory.
    super(writeAheadLog ? StorageLevel.MEMORY_AND_DISK_SER() : StorageLevel.MEMORY_AND_DISK_SER_2());
    this.host = host;
    this.port = port;
    this.checkpointDir = checkpointDir;
    this.maxLineBytes = maxLineBytes;
    this.initialBackoffMillis = initialBackoffMillis;
    this.maxBackoffMillis = maxBackoffMillis;
    this.handshakeTimeoutMillis = handshakeTimeoutMillis;
  }

  /** Where this receiver keeps its bookmark (driver side: {@link LeftoverBlocks}). */
  String checkpointDir() {
    return checkpointDir;
  }

  private long handshakeTimeout() {
    return handshakeTimeoutMillis > 0 ? handshakeTimeoutMillis : HANDSHAKE_TIMEOUT_MS;
  }

  /** Driver side, before the context starts: where to connect (a recovered checkpoint holds the old address). */
  public void retarget(String host, int port) {
    this.host = host;
    this.port = port;
  }

  @Override
  public void onStart() {
    token = readToken();
    if (log == null) {
      log = new ReceiverLog(this);
    }
    Thread t = new Thread(this::receive, "ndjson-receiver-" + streamId() + "-" + host + ":" + port);
    t.setDaemon(true);
    worker = t;
    t.start();
  }

  @Override
  public void onStop() {
    closeQuietly(socket);
    Thread t = worker;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static String readToken() {
    String t = System.getProperty(TOKEN_PROPERTY);
    if (t == null || t.isBlank()) {
      t = System.getenv(TOKEN_ENV);
    }
    return t == null || t.isBlank() ? null : t.strip();
  }

  private void receive() {
    Backoff backoff = new Backoff(initialBackoffMillis, maxBackoffMillis);
    SeqBookmark bookmark = null;
    long blockIntervalMs = blockIntervalMillis();
    try {
      while (!isStopped()) {
        if (bookmark == null || session == null) {
          try {
            bookmark = bookmark != null ? bookmark : new SeqBookmark(checkpointDir, streamId());
            session = loadSession(bookmark);
            backoff.reset();
          } catch (IOException | RuntimeException e) {
            String where = bookmark != null ? bookmark.toString() : checkpointDir + "/receiver-bookmarks";
            String message = e instanceof SeqBookmark.BookmarkException ? e.getMessage()
                : "cannot read the receiver bookmark " + where + " (" + e + "); not streaming until it can be read."
                + " Delete it to start over from the oldest post the scraper holds.";
            LOG.error("receiver {}: {}", streamId(), message, e);
            reportError(message, e);
            sleepUnlessStopped(backoff.nextDelayMillis());
            continue;
          }
        }
        boolean gotPosts = connectOnce(bookmark, blockIntervalMs);
        if (gotPosts) {
          backoff.reset();
        }
        if (!isStopped()) {
          long delay = backoff.nextDelayMillis();
          ReceiverEvents.reconnecting(streamId());
          LOG.info("receiver {}: reconnecting in {} ms (attempt {})", streamId(), delay, backoff.failures());
          sleepUnlessStopped(delay);
        }
      }
    } catch (RuntimeException | Error e) {
      // store() failed (Spark is stopping, or the block manager is gone): let Spark restart us.
      if (!isStopped()) {
        restart("receiver " + streamId() + " failed: " + e, e);
      }
    }
  }

  private ReceiverSession loadSession(SeqBookmark bookmark) throws IOException {
    Optional<SeqBookmark.Saved> saved = bookmark.load(TopicMarks.DEFAULT_CAPACITY);
    if (saved.isEmpty()) {
      LOG.info("receiver {}: no bookmark {}: first start, will resume from the oldest post the server holds",
          streamId(), bookmark);
      return ReceiverSession.fresh();
    }
    SeqBookmark.Saved s = saved.get();
    LOG.info("receiver {}: bookmark {} says stream {} seq {} ({} topic marks)", streamId(), bookmark, s.streamId(),
        s.seq(), s.marks().size());
    return new ReceiverSession(s.streamId(), s.seq(), s.marks());
  }

  /** One connection, until it ends; returns whether at least one post was stored. */
  private boolean connectOnce(SeqBookmark bookmark, long blockIntervalMs) {
    ReceiverSession current = session;
    PostBlock block = new PostBlock(this, bookmark, current, blockIntervalMs);
    String target = host + ":" + port;
    try (Socket s = new Socket()) {
      socket = s;
      if (isStopped()) {
        return false;
      }
      s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
      // woken this often when the socket is quiet, to store a block at its deadline (BlockDeadline), not later
      s.setSoTimeout((int) Math.max(10, Math.min(BlockDeadline.marginMillis(blockIntervalMs) / 2,
          handshakeTimeout())));
      s.setTcpNoDelay(true);
      s.setKeepAlive(true);
      current.connected();
      ReceiverEvents.connected(streamId());
      LOG.info("receiver {}: connected to {}, waiting for the greeting (position: stream {} seq {})", streamId(),
          target, current.streamId(), current.seq());
      new ConnectionReader(this, log, token, maxLineBytes, handshakeTimeout())
          .readStream(s.getInputStream(), s.getOutputStream(), current, block);
      if (!isStopped()) {
        LOG.warn("receiver {}: {} closed the stream (stream {} seq {}) {}; reconnecting", streamId(), target,
            current.streamId(), current.seq(), current.counters());
      }
    } catch (ConnectionReader.HandshakeTimeout e) {
      log.log(current.onHandshakeTimeout(handshakeTimeout()));
    } catch (IOException e) {
      if (!isStopped()) {
        LOG.warn("receiver {}: {} unavailable ({}); position: stream {} seq {}", streamId(), target, e.toString(),
            current.streamId(), current.seq());
      }
    } finally {
      block.reportSkipped();
      if (socket != null) {
        ReceiverEvents.disconnected(streamId());
      }
      socket = null;
      if (!block.isEmpty()) {
        // posts were accepted by the session but not stored: its position is ahead of the bookmark's
        session = null;
      }
    }
    return block.storedAny;
  }

  private void sleepUnlessStopped(long millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    while (!isStopped()) {
      long left = (end - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return;
      }
      try {
        Thread.sleep(Math.min(left, 100));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static long blockIntervalMillis() {
    SparkEnv env = SparkEnv.get();
    return env == null ? 200 : env.conf().getTimeAsMs("spark.streaming.blockInterval", "200ms");
  }

  private static void closeQuietly(Socket s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing to unblock the reader
      }
    }
  }
}
