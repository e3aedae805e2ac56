package io.jvcstreaming.scraper.source;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * Reads a response body keeping at most {@code maxBytes} (inflated, when the answer is gzipped): past that the
 * read fails with {@link BodyTooLargeException} and the request is reset, instead of growing without bound (an
 * endless chunked answer, a huge page, a gzip bomb).
 */
final class BoundedBody {

  private static final int INITIAL_BYTES = 32 * 1024;

  private BoundedBody() {
  }

  static final class BodyTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(int maxBytes) {
      super("response body larger than " + maxBytes + " bytes", null, false, false);
    }
  }

  /** Sets the response's handlers: call it in the callback that receives the response, before it reads on. */
  static Future<Buffer> read(HttpClientResponse response, int maxBytes) {
    Promise<Buffer> result = Promise.promise();
    Buffer body = Buffer.buffer(Math.min(maxBytes, INITIAL_BYTES));
    response.handler(data -> {
      if (result.future().isComplete()) {
        return;
      }
      if (body.length() + data.length() > maxBytes) {
        result.tryFail(new BodyTooLargeException(maxBytes));
        response.request().reset(); // stops the transfer: an endless answer would otherwise go on
        return;
      }
      body.appendBuffer(data);
    });
    response.exceptionHandler(result::tryFail);
    response.endHandler(v -> result.tryComplete(body));
    return result.future();
  }
}
