package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForumUrlsTest {

  private static final String LIST_1 = "https://www.jeuxvideo.com/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm";
  private static final String TOPIC_1 = "https://www.jeuxvideo.com/forums/42-51-77300123-1-0-1-0-le-cafe-du-matin.htm";

  @Test
  void buildsListPagesWithTwentyFiveTopicsPerPage() {
    assertThat(ForumUrls.listPageUrl(LIST_1, 1)).isEqualTo(LIST_1);
    assertThat(ForumUrls.listPageUrl(LIST_1, 2))
        .isEqualTo("https://www.jeuxvideo.com/forums/0-51-0-1-0-26-0-blabla-18-25-ans.htm");
    assertThat(ForumUrls.listPageUrl(LIST_1, 3))
        .isEqualTo("https://www.jeuxvideo.com/forums/0-51-0-1-0-51-0-blabla-18-25-ans.htm");
  }

  @Test
  void buildsTopicPagesByReplacingTheFourthNumber() {
    assertThat(ForumUrls.topicPageUrl(TOPIC_1, 7))
        .isEqualTo("https://www.jeuxvideo.com/forums/42-51-77300123-7-0-1-0-le-cafe-du-matin.htm");
    assertThat(ForumUrls.topicPageUrl("/forums/1-51-1234-3-0-1-0-vieux.htm", 1))
        .isEqualTo("/forums/1-51-1234-1-0-1-0-vieux.htm");
  }

  @Test
  void readsTopicIdAndPageOfTopicUrls() {
    assertThat(ForumUrls.topicId(TOPIC_1)).hasValue(77300123L);
    assertThat(ForumUrls.pageOf("/forums/42-51-77300123-12-0-1-0-x.htm")).hasValue(12);
    assertThat(ForumUrls.topicId("/forums/1-51-1234-3-0-1-0-vieux.htm")).hasValue(1234L);
  }

  @Test
  void readsThePageOfAListUrl() {
    assertThat(ForumUrls.pageOf(LIST_1)).hasValue(1);
    assertThat(ForumUrls.pageOf("/forums/0-51-0-1-0-51-0-blabla-18-25-ans.htm")).hasValue(3);
    assertThat(ForumUrls.topicId(LIST_1)).isEmpty();
  }

  @Test
  void givesNothingForOtherUrls() {
    assertThat(ForumUrls.topicId("https://www.jeuxvideo.com/forums.htm")).isEmpty();
    assertThat(ForumUrls.topicId("/forums/message/1320000042")).isEmpty();
    assertThat(ForumUrls.pageOf(null)).isEmpty();
    assertThat(ForumUrls.topicId(null)).isEmpty();
  }

  @Test
  void refusesPageZeroAndForeignUrls() {
    assertThatThrownBy(() -> ForumUrls.topicPageUrl(TOPIC_1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ForumUrls.listPageUrl(TOPIC_1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ForumUrls.topicPageUrl(LIST_1, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
