package io.jvcstreaming.scraper.source;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.ext.web.codec.spi.BodyStream;

/**
 * A body codec that keeps at most {@code maxBytes}: past that the response fails with
 * {@link BodyTooLargeException} instead of growing without bound (an endless chunked answer, a huge page).
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
    private final Buffer buffer = Buffer.buffer(32 * 1024);
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
      if (buffer.length() + data.length() > maxBytes) {
        BodyTooLargeException e = new BodyTooLargeException(maxBytes);
        result.tryFail(e);
        return Future.failedFuture(e);
      }
      buffer.appendBuffer(data);
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> end() {
      result.tryComplete(buffer);
      return result.future().mapEmpty();
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
