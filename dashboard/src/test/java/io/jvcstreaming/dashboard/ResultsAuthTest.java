package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.dashboard.ResultsAuth.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultsAuthTest {

  private static final String TOKEN = "0123456789abcdefXYZ";

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(nullValues = "NULL", value = {
      "'Bearer 0123456789abcdefXYZ',    ACCEPTED",
      "'bearer 0123456789abcdefXYZ',    ACCEPTED",
      "'BEARER   0123456789abcdefXYZ  ', ACCEPTED",
      "'Bearer 0123456789abcdefxyz',    WRONG",
      "'Bearer 0123456789abcdefXY',     WRONG",
      "'Bearer 0123456789abcdefXYZZ',   WRONG",
      "'Bearer x',                      WRONG",
      "NULL,                            MISSING",
      "'',                              MISSING",
      "'Bearer',                        MISSING",
      "'Bearer ',                       MISSING",
      "'0123456789abcdefXYZ',           MISSING",
      "'Basic MDEyMzQ1Njc4OWFiY2RlZlhZWg==', MISSING",
      "'Token 0123456789abcdefXYZ',     MISSING",
  })
  void withAToken(String header, Outcome expected) {
    Outcome outcome = new ResultsAuth(TOKEN).check(header);
    assertThat(outcome).isEqualTo(expected);
    assertThat(outcome.allowed()).isEqualTo(expected == Outcome.ACCEPTED);
  }

  @ParameterizedTest(name = "[{0}] -> OPEN")
  @CsvSource(nullValues = "NULL", value = {"NULL", "'Bearer anything'", "'garbage'"})
  void withoutATokenEverythingIsOpen(String header) {
    Outcome outcome = new ResultsAuth(null).check(header);
    assertThat(outcome).isEqualTo(Outcome.OPEN);
    assertThat(outcome.allowed()).isTrue();
  }
}
