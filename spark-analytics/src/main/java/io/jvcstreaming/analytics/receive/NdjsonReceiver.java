package io.jvcstreaming.analytics.receive;

import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.codec.BoundedLineReader;
import io.jvcstreaming.codec.MalformedLineException;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.codec.StreamProtocol;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.retry.Backoff;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.receiver.Receiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the scraper's NDJSON stream (see {@code docs/protocol.md}) over a plain {@link Socket}.
 *
 * <ul>
 *   <li>Handshake: {@code AUTH <token>} when a token is configured, then {@code RESUME <last stored seq>}
 *       ({@code RESUME -1} on the very first start: everything the scraper's log still holds).</li>
 *   <li>Posts are stored in blocks with {@link #store(java.util.Iterator)}, which returns only once Spark has
 *       stored the block (and written it to the write-ahead log when enabled). A block is cut every
 *       {@code spark.streaming.blockInterval} (200 ms by default) or at {@value #MAX_BLOCK_RECORDS} posts.</li>
 *   <li>After each stored block the last seq is written to a bookmark in the checkpoint directory; on a
 *       reconnect, a receiver restart or a driver restart the receiver resumes from it, and skips any
 *       {@code seq} it has already stored: nothing lost, nothing doubled.</li>
 *   <li>Disconnects and refused connections are retried with capped exponential backoff and jitter.</li>
 *   <li>A malformed line or a line over {@link PostCodec#MAX_LINE_BYTES} is skipped, counted and reported
 *       through {@link #reportError}; it never stops the receiver.</li>
 * </ul>
 *
 * <p>Threading: {@link #onStart()} starts one named daemon thread that does all the work; {@link #onStop()}
 * closes the socket so that thread ends.
 */
public final class NdjsonReceiver extends Receiver<Post> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(NdjsonReceiver.class);

  static final int MAX_BLOCK_RECORDS = 10_000;
  /** Errors reported one by one up to this count, then one report per {@value #REPORT_EVERY}. */
  static final long REPORT_ALL_UP_TO = 100;
  static final long REPORT_EVERY = 1_000;
  private static final long UNKNOWN = Long.MIN_VALUE;
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private volatile String host;
  private volatile int port;
  private final String token;
  private final String checkpointDir;
  private final int maxLineBytes;
  private final long initialBackoffMillis;
  private final long maxBackoffMillis;

  /** Last seq stored in Spark, kept across {@code restart()}s of this instance; read from the bookmark otherwise. */
  private volatile long lastStoredSeq = UNKNOWN;
  private transient volatile Socket socket;
  private transient volatile Thread worker;
  private transient long malformed;
  private transient long tooLong;
  private transient long duplicates;

  public NdjsonReceiver(JobConfig config) {
    this(config.sourceHost(), config.sourcePort(), config.streamToken(), config.checkpointDir(),
        config.writeAheadLog(), PostCodec.MAX_LINE_BYTES, 100, 15_000);
  }

  /** API stub (the receiver rewrite provides it): the token is read at onStart, never serialized. */
  public NdjsonReceiver(String host, int port, String checkpointDir, boolean writeAheadLog) {
    this(host, port, null, checkpointDir, writeAheadLog, PostCodec.MAX_LINE_BYTES, 100, 15_000);
  }

  /** API stub: driver side, before ssc.start(): where the receiver connects. */
  public void retarget(String host, int port) {
    this.host = host;
    this.port = port;
  }

  NdjsonReceiver(String host, int port, String token, String checkpointDir, boolean writeAheadLog,
                 int maxLineBytes, long initialBackoffMillis, long maxBackoffMillis) {
    // With the write-ahead log the data is already durable: a second in-memory copy only costs memory.
    super(writeAheadLog ? StorageLevel.MEMORY_AND_DISK_SER() : StorageLevel.MEMORY_AND_DISK_SER_2());
    this.host = host;
    this.port = port;
    this.token = token;
    this.checkpointDir = checkpointDir;
    this.maxLineBytes = maxLineBytes;
    this.initialBackoffMillis = initialBackoffMillis;
    this.maxBackoffMillis = maxBackoffMillis;
  }

  @Override
  public void onStart() {
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

  private void receive() {
    Backoff backoff = new Backoff(initialBackoffMillis, maxBackoffMillis);
    SeqBookmark bookmark = null;
    try {
      bookmark = new SeqBookmark(checkpointDir, streamId());
      if (lastStoredSeq == UNKNOWN) {
        lastStoredSeq = bookmark.load();
        LOG.info("receiver {}: bookmark {} says last stored seq = {}", streamId(), bookmark, lastStoredSeq);
      }
    } catch (IOException | RuntimeException e) {
      reportError("cannot use the seq bookmark under " + checkpointDir + "; resuming from memory only", e);
      if (lastStoredSeq == UNKNOWN) {
        lastStoredSeq = SeqBookmark.NONE;
      }
    }
    long blockIntervalMs = blockIntervalMillis();
    try {
      while (!isStopped()) {
        boolean gotPosts = false;
        try (Socket s = new Socket()) {
          socket = s;
          if (isStopped()) {
            break;
          }
          s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
          s.setSoTimeout((int) Math.max(10, blockIntervalMs));
          s.setTcpNoDelay(true);
          s.setKeepAlive(true);
          long resumeFrom = lastStoredSeq;
          OutputStream out = s.getOutputStream();
          String t = token != null ? token
              : System.getProperty("jvc.stream.token", System.getenv("STREAM_TOKEN"));
          if (t != null && !t.isBlank()) {
            out.write(StreamProtocol.authLine(t).getBytes(StandardCharsets.UTF_8));
          }
          out.write(StreamProtocol.resumeLine(resumeFrom).getBytes(StandardCharsets.UTF_8));
          out.flush();
          LOG.info("receiver {}: connected to {}:{}, RESUME {}", streamId(), host, port, resumeFrom);
          gotPosts = readStream(s.getInputStream(), bookmark, blockIntervalMs, backoff);
          if (!isStopped()) {
            LOG.warn("receiver {}: {}:{} closed the stream (last stored seq {}); reconnecting",
                streamId(), host, port, lastStoredSeq);
          }
        } catch (IOException e) {
          if (isStopped()) {
            break;
          }
          LOG.warn("receiver {}: {}:{} unavailable ({}); last stored seq {}", streamId(), host, port,
              e.toString(), lastStoredSeq);
        } finally {
          socket = null;
        }
        if (gotPosts) {
          backoff.reset();
        }
        if (!isStopped()) {
          long delay = backoff.nextDelayMillis();
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

  /** Reads until the stream ends; returns whether at least one new post was stored. */
  private boolean readStream(InputStream raw, SeqBookmark bookmark, long blockIntervalMs, Backoff backoff)
      throws IOException {
    Block block = new Block(bookmark, blockIntervalMs);
    InputStream in = new FilterInputStream(raw) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
          if (isStopped()) {
            throw new InterruptedIOException("receiver stopped");
          }
          try {
            return super.read(b, off, len);
          } catch (SocketTimeoutException idle) {
            block.flush(); // the stream is idle: store what we have so it reaches the next batch
          }
        }
      }
    };
    BoundedLineReader reader = new BoundedLineReader(in, maxLineBytes);
    long acceptedSeq = lastStoredSeq;
    try {
      while (!isStopped()) {
        BoundedLineReader.Kind kind = reader.next();
        if (kind == BoundedLineReader.Kind.END) {
          break;
        }
        if (kind == BoundedLineReader.Kind.TOO_LONG) {
          tooLong++;
          report("over-long line skipped (" + reader.discardedBytes() + " bytes > limit " + maxLineBytes + ")", null);
          continue;
        }
        byte[] buf = reader.buffer();
        int len = reader.length();
        if (len == 0) {
          continue;
        }
        if (StreamProtocol.isControl(buf, len)) {
          onControlLine(reader.lineAsString(), backoff);
          continue;
        }
        Post post;
        try {
          post = PostCodec.decode(buf, 0, len);
        } catch (MalformedLineException e) {
          malformed++;
          report("malformed line skipped: " + e.getMessage(), e);
          continue;
        }
        if (post.seq() <= acceptedSeq) {
          duplicates++; // already stored (a resume overlapping what we have): skip, never count twice
          continue;
        }
        acceptedSeq = post.seq();
        block.add(post);
      }
    } finally {
      if (!isStopped()) {
        block.flush(); // complete posts read before the disconnect are good: keep them
      }
    }
    return block.storedAny;
  }

  private void onControlLine(String line, Backoff backoff) {
    if (line.startsWith(StreamProtocol.ERROR_PREFIX + "auth-failed")) {
      reportError("scraper refused the stream token (" + line + ")", null);
    } else if (line.startsWith(StreamProtocol.ERROR_PREFIX + "resume-too-old")) {
      LOG.warn("receiver {}: posts lost, the scraper no longer holds them: {}", streamId(), line);
    } else {
      LOG.info("receiver {}: scraper says {}", streamId(), line);
    }
  }

  private void report(String what, Throwable cause) {
    long errors = malformed + tooLong;
    String message = what + " [malformed=" + malformed + " tooLong=" + tooLong + "]";
    if (errors <= REPORT_ALL_UP_TO || errors % REPORT_EVERY == 0) {
      LOG.warn("receiver {}: {}", streamId(), message);
      reportError(message, cause);
    }
  }

  /** The posts read since the last store, stored as one block. */
  private final class Block {
    private final SeqBookmark bookmark;
    private final long intervalMs;
    private List<Post> posts = new ArrayList<>();
    private long firstAt;
    boolean storedAny;

    Block(SeqBookmark bookmark, long intervalMs) {
      this.bookmark = bookmark;
      this.intervalMs = intervalMs;
    }

    void add(Post post) {
      if (posts.isEmpty()) {
        firstAt = System.nanoTime();
      }
      posts.add(post);
      if (posts.size() >= MAX_BLOCK_RECORDS || System.nanoTime() - firstAt >= intervalMs * 1_000_000L) {
        flush();
      }
    }

    void flush() {
      if (posts.isEmpty() || isStopped()) {
        return;
      }
      List<Post> toStore = posts;
      posts = new ArrayList<>(Math.min(MAX_BLOCK_RECORDS, toStore.size() * 2));
      store(toStore.iterator()); // blocks until stored (and written ahead when the WAL is on)
      long seq = toStore.get(toStore.size() - 1).seq();
      lastStoredSeq = seq;
      storedAny = true;
      if (bookmark != null) {
        try {
          bookmark.save(seq);
        } catch (IOException e) {
          reportError("cannot write the seq bookmark " + bookmark + " (a driver restart may replay posts)", e);
        }
      }
    }
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
