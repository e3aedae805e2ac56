package io.jvcstreaming.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

  private static BoundedLineReader reader(String content, int max) {
    return new BoundedLineReader(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), max);
  }

  @Test
  void splitsLinesAndDropsCarriageReturns() throws Exception {
    BoundedLineReader r = reader("one\r\ntwo\n\nthree\n", 100);
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.LINE);
    assertThat(r.lineAsString()).isEqualTo("one");
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.LINE);
    assertThat(r.lineAsString()).isEqualTo("two");
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.LINE);
    assertThat(r.lineAsString()).isEmpty();
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.LINE);
    assertThat(r.lineAsString()).isEqualTo("three");
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.END);
    assertThat(r.partialAtEnd()).isZero();
  }

  @Test
  void overLongLineIsSkippedAndTheNextLineStillReads() throws Exception {
    String longLine = "x".repeat(300_000);
    BoundedLineReader r = reader("ok\n" + longLine + "\nafter\n", 1000);
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.LINE);
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.TOO_LONG);
    assertThat(r.discardedBytes()).isEqualTo(300_000);
    assertThat(r.buffer().length).as("never buffers past the limit").isLessThanOrEqualTo(1001);
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.LINE);
    assertThat(r.lineAsString()).isEqualTo("after");
  }

  @Test
  void lineExactlyAtTheLimitIsKept() throws Exception {
    BoundedLineReader r = reader("abcd\nabcde\n", 4);
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.LINE);
    assertThat(r.lineAsString()).isEqualTo("abcd");
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.TOO_LONG);
  }

  @Test
  void unterminatedFragmentAtEndIsDroppedAndCounted() throws Exception {
    BoundedLineReader r = reader("full\n{\"seq\":1,\"id\"", 100);
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.LINE);
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.END);
    assertThat(r.partialAtEnd()).isEqualTo(1);
  }

  @Test
  void linesSplitAcrossManySmallReadsAreReassembled() throws Exception {
    byte[] data = "héllo wörld 😂\nsecond\n".getBytes(StandardCharsets.UTF_8);
    InputStream trickle = new InputStream() {
      int pos;

      @Override
      public int read() {
        return pos < data.length ? data[pos++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= data.length) {
          return -1;
        }
        b[off] = data[pos++];
        return 1;
      }
    };
    BoundedLineReader r = new BoundedLineReader(trickle, 64);
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.LINE);
    assertThat(r.lineAsString()).isEqualTo("héllo wörld 😂");
    assertThat(r.next()).isEqualTo(BoundedLineReader.Kind.LINE);
    assertThat(r.lineAsString()).isEqualTo("second");
  }
}
