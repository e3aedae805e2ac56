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
 *
 * <p>The offline demo has no image hosts: with a picture mirror (the simulator), an allowed sticker URL is
 * shown from {@code <mirror>/pictures/<host><path>} and the Content-Security-Policy allows the mirror instead of
 * the hosts. The keys stay the real URLs (what the scraper parsed); only where the pixels come from changes, and
 * only in that mode: without a mirror nothing but the two hosts is allowed.
 */
final class UrlPolicy {

  /** Hosts sticker images may come from: NoelShack full-size images and official JVC stickers. */
  public static final Set<String> IMAGE_HOSTS = Set.of("image.noelshack.com", "image.jeuxvideo.com");
  /** Where the simulator serves a sticker's picture: {@code <mirror>/pictures/<host><path>}. */
  static final String MIRROR_PATH = "/pictures/";

  private static final int MAX_URL_LENGTH = 2048;

  private final String forumOrigin;
  private final String pictureMirror;

  /** @param forumOrigin a normalized origin ({@code scheme://host[:port]}), see {@link DashboardConfig} */
  public UrlPolicy(String forumOrigin) {
    this(forumOrigin, null);
  }

  /** @param pictureMirror a normalized origin serving the pictures (offline demo), or null for the real hosts */
  UrlPolicy(String forumOrigin, String pictureMirror) {
    this.forumOrigin = forumOrigin;
    this.pictureMirror = pictureMirror;
  }

  /** The picture mirror's origin, or null in the live mode. */
  String pictureMirror() {
    return pictureMirror;
  }

  /** Where the browser loads an allowed sticker URL from (itself, or its mirror copy), or null when not allowed. */
  String imageSource(String url) {
    if (!isAllowedImage(url)) {
      return null;
    }
    if (pictureMirror == null) {
      return url;
    }
    URI u = parse(url);
    return pictureMirror + MIRROR_PATH + u.getHost().toLowerCase(Locale.ROOT) + u.getRawPath();
  }

  /** The Content-Security-Policy {@code img-src} sources besides {@code 'self'}: the hosts, or only the mirror. */
  String imageSources() {
    if (pictureMirror != null) {
      return pictureMirror;
    }
    return "https://image.noelshack.com https://image.jeuxvideo.com"; // IMAGE_HOSTS
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
