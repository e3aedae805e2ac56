package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.codec.spi.BodyStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The body as the chunks came, whole and in order, or a failure past the cap. */
class BoundedBodyTest {

  private static BodyStream<Buffer> stream(int maxBytes) {
    try {
      return BoundedBody.codec(maxBytes).stream();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void chunksAreJoinedInOrder() {
    BodyStream<Buffer> body = stream(100);
    body.write(Buffer.buffer("<html>"));
    body.write(Buffer.buffer(""));
    body.write(Buffer.buffer("é ’ </html>"));
    body.end();
    assertThat(body.result().result().toString()).isEqualTo("<html>é ’ </html>");
    assertThat(body.result().result().length()).isEqualTo("<html>é ’ </html>".getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void oneChunkAndNoChunkAreBodiesToo() {
    BodyStream<Buffer> one = stream(100);
    one.write(Buffer.buffer("page"));
    one.end();
    assertThat(one.result().result().toString()).isEqualTo("page");
    BodyStream<Buffer> none = stream(100);
    none.end();
    assertThat(none.result().result().length()).isZero();
  }

  @Test
  void aBodyPastTheCapFailsAndStaysFailed() {
    BodyStream<Buffer> body = stream(10);
    assertThat(body.write(Buffer.buffer("123456")).succeeded()).isTrue();
    assertThat(body.write(Buffer.buffer("123456")).failed()).isTrue();
    body.end();
    assertThat(body.result().cause()).isInstanceOf(BoundedBody.BodyTooLargeException.class);
    BodyStream<Buffer> exact = stream(10);
    exact.write(Buffer.buffer("12345"));
    exact.write(Buffer.buffer("67890"));
    exact.end();
    assertThat(exact.result().result().toString()).isEqualTo("1234567890");
  }
}
