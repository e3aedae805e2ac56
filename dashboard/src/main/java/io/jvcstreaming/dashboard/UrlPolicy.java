package io.jvcstreaming.dashboard;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which URLs from the forum may reach a browser as an image source or a link. Everything in a post is
 * written by strangers, so the rule is an allow-list: https on the two sticker hosts for images (the same
 * hosts the Content-Security-Policy allows), the configured forum origin for links. The browser applies
 * the same image rule again (app.js) so neither side alone is trusted.
 */
public final class UrlPolicy {

  /** Hosts sticker images may come from: NoelShack full-size images and official JVC stickers. */
  public static final Set<String> IMAGE_HOSTS = Set.of("image.noelshack.com", "image.jeuxvideo.com");

  private static final int MAX_URL_LENGTH = 2048;

  private final String forumOrigin;

  /** @param forumOrigin a normalized origin ({@code scheme://host[:port]}), see {@link DashboardConfig} */
  public UrlPolicy(String forumOrigin) {
    this.forumOrigin = forumOrigin;
  }

  public String forumOrigin() {
    return forumOrigin;
  }

  /** True for {@code https://image.noelshack.com/...} or {@code https://image.jeuxvideo.com/...} only. */
  public static boolean isAllowedImage(String url) {
    URI u = parse(url);
    if (u == null || !"https".equals(u.getScheme()) || u.getRawUserInfo() != null) {
      return false;
    }
    // URI keeps the host as written; compare exactly in lower case and refuse explicit odd ports.
    String host = u.getHost();
    return host != null && IMAGE_HOSTS.contains(host.toLowerCase(Locale.ROOT))
        && (u.getPort() == -1 || u.getPort() == 443)
        && u.getRawPath() != null && u.getRawPath().startsWith("/");
  }

  /** The URL if it points into the forum origin, else null. */
  public String forumLinkOrNull(String url) {
    URI u = parse(url);
    if (u == null || u.getRawUserInfo() != null || u.getScheme() == null || u.getHost() == null) {
      return null;
    }
    String origin = u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
        + (u.getPort() == -1 ? "" : ":" + u.getPort());
    return origin.equals(forumOrigin) && u.getRawPath() != null && u.getRawPath().startsWith("/") ? url : null;
  }

  /** The forum page of a topic when no post told us its exact URL (the forum redirects to the right slug). */
  public String topicLink(long topicId) {
    return forumOrigin + "/forums/42-51-" + topicId + "-1-0-1-0-0.htm";
  }

  private static URI parse(String url) {
    if (url == null || url.isEmpty() || url.length() > MAX_URL_LENGTH) {
      return null;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= ' ' || c == '\\' || c == '"' || c == '<' || c == '>' || c == 0x7f) {
        return null;
      }
    }
    try {
      URI u = new URI(url);
      return u.isAbsolute() && !u.isOpaque() ? u : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
