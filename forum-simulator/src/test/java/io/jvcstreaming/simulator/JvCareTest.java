package io.jvcstreaming.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.simulator.markup.JvCare;
import org.junit.jupiter.api.Test;

class JvCareTest {

  @Test
  void encodesTheSpecExample() {
    assertThat(JvCare.encode("https")).isEqualTo("45CBCBC0C2");
    assertThat(JvCare.decode("45CBCBC0C2")).isEqualTo("https");
  }

  @Test
  void roundTripsUtf8Urls() {
    String url = "/forums/42-51-77012345-3-0-1-0-le-cafe-du-matin.htm?q=é&x=☕";
    assertThat(JvCare.decode(JvCare.encode(url))).isEqualTo(url);
    assertThat(JvCare.encode(url)).matches("[0A12B34C56D78E9F]+");
  }

  @Test
  void rejectsForeignSymbols() {
    assertThatThrownBy(() -> JvCare.decode("4G")).isInstanceOf(IllegalArgumentException.class);
  }
}
