package io.jvcstreaming.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamProtocolTest {

  @Test
  void parsesResumeLines() {
    assertThat(StreamProtocol.parseResume("RESUME 1234\r\n")).hasValue(1234);
    assertThat(StreamProtocol.parseResume("RESUME -1")).hasValue(-1);
    assertThat(StreamProtocol.parseResume("RESUME abc")).isEmpty();
    assertThat(StreamProtocol.parseResume("RESUME -7")).isEmpty();
    assertThat(StreamProtocol.parseResume("resume 5")).isEmpty();
    assertThat(StreamProtocol.parseResume("RESUME 99999999999999999999999")).isEmpty();
  }

  @Test
  void parsesAuthLinesAndRecognisesControlLines() {
    assertThat(StreamProtocol.parseAuth("AUTH s3cret\n")).isEqualTo("s3cret");
    assertThat(StreamProtocol.parseAuth("RESUME 4")).isNull();
    assertThat(StreamProtocol.isControl("# ERROR resume-too-old")).isTrue();
    assertThat(StreamProtocol.isControl("{\"seq\":1}")).isFalse();
    assertThat(StreamProtocol.resumeLine(12)).isEqualTo("RESUME 12\n");
  }
}
