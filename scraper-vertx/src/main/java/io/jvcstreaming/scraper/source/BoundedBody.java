package io.jvcstreaming.scraper.source;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.ext.web.codec.spi.BodyStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A body codec that keeps at most {@code maxBytes}: past that the response fails with
 * {@link BodyTooLargeException} instead of growing without bound (an endless chunked answer, a huge page).
 * The chunks are kept as they come (Vert.x hands each one over as its own heap copy) and joined once at the end,
 * into a buffer of the body's exact size: a buffer grown by appends allocated a fifth of a crawl's bytes in
 * its doublings (JFR allocation samples), and held up to twice the page while 60 pages were in flight.
 */
final class BoundedBody {

  private BoundedBody() {
  }

  static BodyCodec<Buffer> codec(int maxBytes) {
    return () -> new Stream(maxBytes);
  }

  static final class BodyTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(int maxBytes) {
      super("response body larger than " + maxBytes + " bytes", null, false, false);
    }
  }

  private static final class Stream implements BodyStream<Buffer> {
    private final int maxBytes;
    private final List<Buffer> chunks = new ArrayList<>(4);
    private int length;
    private final Promise<Buffer> result = Promise.promise();

    Stream(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public Future<Buffer> result() {
      return result.future();
    }

    @Override
    public void handle(Throwable failure) {
      result.tryFail(failure);
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
      return this;
    }

    @Override
    public Future<Void> write(Buffer data) {
      if (length + data.length() > maxBytes) {
        BodyTooLargeException e = new BodyTooLargeException(maxBytes);
        result.tryFail(e);
        return Future.failedFuture(e);
      }
      chunks.add(data);
      length += data.length();
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> end() {
      result.tryComplete(joined());
      return result.future().mapEmpty();
    }

    private Buffer joined() {
      if (chunks.size() == 1) {
        return chunks.get(0);
      }
      Buffer body = Buffer.buffer(length);
      for (Buffer chunk : chunks) {
        body.appendBuffer(chunk);
      }
      return body;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
      return this;
    }

    @Override
    public boolean writeQueueFull() {
      return false;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
      return this;
    }
  }
}
