package io.jvcstreaming.scraper.parse;

/**
 * Cloudflare challenge (or any non-forum answer) detection (spec §8): a 403/503 with a {@code cf-mitigated}
 * header, a 403/503 whose body is a Cloudflare page, or a 200 whose body holds none of the forum's markup
 * ({@code #listMessages}, {@code tablesForum}, legacy markup, the app payload).
 */
public final class ChallengeDetector {

  private static final String[] FORUM_MARKERS = {
      "listMessages", "tablesForum", "bloc-message-forum", "topic-list", "forumsAppPayload"};

  private static final String[] CLOUDFLARE_MARKERS = {
      "cf-chl", "cf_chl_opt", "challenge-platform", "Just a moment", "Un instant", "cf-browser-verification",
      "cf-error-details", "Attention Required! | Cloudflare", "cf-turnstile", "challenges.cloudflare.com"};

  private ChallengeDetector() {
  }

  /**
   * @param status             HTTP status
   * @param cfMitigatedHeader  value of the {@code cf-mitigated} response header, null if absent
   * @param body               response body, may be null
   * @return true if the response is a challenge (back off, don't parse)
   */
  public static boolean isChallenge(int status, String cfMitigatedHeader, String body) {
    if (cfMitigatedHeader != null && !cfMitigatedHeader.isBlank()) {
      return true;
    }
    if (status == 403 || status == 503) {
      return body != null && hasCloudflareMarker(body) && !hasForumMarker(body);
    }
    if (status == 200) {
      return body == null || !hasForumMarker(body);
    }
    return false;
  }

  static boolean hasForumMarker(String body) {
    for (String marker : FORUM_MARKERS) {
      if (body.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  static boolean hasCloudflareMarker(String body) {
    for (String marker : CLOUDFLARE_MARKERS) {
      if (body.contains(marker)) {
        return true;
      }
    }
    return false;
  }
}
