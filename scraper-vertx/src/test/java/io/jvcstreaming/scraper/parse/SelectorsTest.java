package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The class-token test every markup scanner relies on, and the whitespace collapse of titles and pseudos. */
class SelectorsTest {

  @ParameterizedTest(name = "''{0}'' has ''{1}'': {2}")
  @CsvSource({
      "messageUser,                          messageUser,       true",
      "'a messageUser b',                    messageUser,       true",
      "'messageUser__label',                 messageUser,       false",
      "'messageUser__label messageUser',     messageUser,       true",
      "'x-messageUser',                      messageUser,       false",
      "'MessageUser',                        messageUser,       false",
      "'a\tmessageUser',                     messageUser,       true",
      "'',                                   messageUser,       false",
      "'txt-msg text-enrichi-forum',         txt-msg,           true",
  })
  void matchesWholeTokensOnlyCaseSensitively(String cls, String token, boolean expected) {
    assertThat(Selectors.hasToken(cls, token)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', value = {
      "'  a   b  '     | a b",
      "'a\u00a0\u00a0b' | a b",
      "'\n\ta\r\nb'     | a b",
      "''              | ''",
      "'   '           | ''",
  })
  void collapsesWhitespaceRunsAndTrims(String raw, String collapsed) {
    assertThat(PostExtractor.collapse(raw)).isEqualTo(collapsed);
  }
}
