package io.jvcstreaming.analytics.receive;

import io.jvcstreaming.analytics.receive.ReceiverSession.Decision;
import io.jvcstreaming.analytics.receive.ReceiverSession.Verdict;
import io.jvcstreaming.codec.BoundedLineReader;
import io.jvcstreaming.codec.MalformedLineException;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.codec.StreamProtocol;
import io.jvcstreaming.model.Post;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The read loop of one connection: control lines go to the {@link ReceiverSession} and its answers back to the
 * server, posts are decoded and, when the session accepts them, added to the {@link PostBlock}; bad lines are
 * skipped and counted ({@link ReceiverLog}). An idle socket flushes the block; no greeting within the handshake
 * timeout ends the connection with {@link HandshakeTimeout}.
 */
final class ConnectionReader {

  private final NdjsonReceiver receiver;
  private final ReceiverLog log;
  private final String token;
  private final int maxLineBytes;
  private final long handshakeTimeoutMillis;

  ConnectionReader(NdjsonReceiver receiver, ReceiverLog log, String token, int maxLineBytes,
                   long handshakeTimeoutMillis) {
    this.receiver = receiver;
    this.log = log;
    this.token = token;
    this.maxLineBytes = maxLineBytes;
    this.handshakeTimeoutMillis = handshakeTimeoutMillis;
  }

  void readStream(InputStream raw, OutputStream out, ReceiverSession current, PostBlock block)
      throws IOException {
    long handshakeDeadline = System.nanoTime() + handshakeTimeoutMillis * 1_000_000L;
    InputStream in = new FilterInputStream(raw) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
          if (receiver.isStopped()) {
            throw new InterruptedIOException("receiver stopped");
          }
          try {
            return super.read(b, off, len);
          } catch (SocketTimeoutException idle) {
            block.flushIfDue(); // nothing to read: store the block if its time has come (BlockDeadline)
            if (!current.streaming() && System.nanoTime() - handshakeDeadline > 0) {
              throw new HandshakeTimeout();
            }
          }
        }
      }
    };
    BoundedLineReader reader = new BoundedLineReader(in, maxLineBytes);
    try {
      while (!receiver.isStopped()) {
        BoundedLineReader.Kind kind = reader.next();
        if (kind == BoundedLineReader.Kind.END) {
          break;
        }
        if (!current.streaming() && System.nanoTime() - handshakeDeadline > 0) {
          throw new HandshakeTimeout(); // e.g. a v1 server streaming posts without a greeting
        }
        if (kind == BoundedLineReader.Kind.TOO_LONG) {
          log.tooLong(reader.discardedBytes(), maxLineBytes);
          continue;
        }
        byte[] buf = reader.buffer();
        int len = reader.length();
        if (len == 0) {
          continue;
        }
        if (StreamProtocol.isControl(buf, len)) {
          Decision d = current.onControl(reader.lineAsString(), token);
          log.log(d);
          if (d.verdict() == Verdict.SEND) {
            for (String line : d.send()) {
              out.write(line.getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
          }
          continue;
        }
        Post post;
        try {
          post = PostCodec.decode(buf, 0, len);
        } catch (MalformedLineException e) {
          log.malformed(e);
          continue;
        }
        Decision d = current.onPost(post.seq(), post.topicId(), post.id());
        log.postDecision(d);
        if (d.verdict() == Verdict.ACCEPT) {
          block.add(post);
        } else if (d.verdict() == Verdict.DUPLICATE || d.verdict() == Verdict.REPLAYED) {
          block.skipped++;
        }
      }
    } finally {
      if (!receiver.isStopped()) {
        block.flush(); // complete posts read before the disconnect are good: keep them
      }
    }
  }

  /** No greeting, or no answer, within the handshake timeout. */
  static final class HandshakeTimeout extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
