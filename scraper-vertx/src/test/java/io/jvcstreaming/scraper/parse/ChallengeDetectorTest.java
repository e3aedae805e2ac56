package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChallengeDetectorTest {

  @Test
  void aForbiddenAnswerWithCfMitigatedIsAChallenge() {
    assertThat(ChallengeDetector.isChallenge(403, "challenge", Pages.load("challenge.html"))).isTrue();
    assertThat(ChallengeDetector.isChallenge(503, "challenge", "")).isTrue();
  }

  @Test
  void aForbiddenCloudflarePageWithoutTheHeaderIsAChallenge() {
    assertThat(ChallengeDetector.isChallenge(403, null, Pages.load("challenge.html"))).isTrue();
  }

  @Test
  void anOkPageWithoutForumMarkupIsAChallenge() {
    assertThat(ChallengeDetector.isChallenge(200, null, Pages.load("challenge.html"))).isTrue();
    assertThat(ChallengeDetector.isChallenge(200, null, Pages.load("unrelated.html"))).isTrue();
    assertThat(ChallengeDetector.isChallenge(200, null, null)).isTrue();
  }

  @Test
  void forumPagesAreNotChallenges() {
    for (String page : new String[] {"topic-2026-p1.html", "list-2026.html", "list-legacy.html",
        "topic-legacy.html", "topic-2026-payload-only.html"}) {
      assertThat(ChallengeDetector.isChallenge(200, null, Pages.load(page))).as(page).isFalse();
    }
  }

  @Test
  void otherStatusesAreNotChallenges() {
    assertThat(ChallengeDetector.isChallenge(410, null, "Gone")).isFalse();
    assertThat(ChallengeDetector.isChallenge(503, null, "Service Unavailable")).isFalse();
    assertThat(ChallengeDetector.isChallenge(302, null, "<meta http-equiv=\"refresh\">")).isFalse();
  }
}
