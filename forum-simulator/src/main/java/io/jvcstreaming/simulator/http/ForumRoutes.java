package io.jvcstreaming.simulator.http;

import io.jvcstreaming.simulator.markup.ForumUrls;
import io.jvcstreaming.simulator.model.Message;
import io.jvcstreaming.simulator.model.SimClock;
import io.jvcstreaming.simulator.model.Topic;
import io.jvcstreaming.simulator.model.World;
import io.jvcstreaming.simulator.render.ListPageRenderer;
import io.jvcstreaming.simulator.render.RenderedPage;
import io.jvcstreaming.simulator.render.TopicPageRenderer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps forum paths to replies following spec §1/§8: canonical redirects, past-the-end redirects, the unknown-topic
 * redirect to {@code /forums.htm}, 410 for deleted topics and messages. Everything is decided and rendered under
 * the world's read lock, so a reply never mixes two states.
 */
public final class ForumRoutes {

  private static final Pattern FORUM_PAGE =
      Pattern.compile("^/forums/(\\d{1,3})-(\\d{1,9})-(\\d{1,15})-(\\d{1,9})-(\\d{1,9})-(\\d{1,9})-(\\d{1,9})-([^/]*)\\.htm$");
  private static final Pattern PERMALINK = Pattern.compile("^/forums/message/(\\d{1,15})$");

  private final World world;
  private final SimClock clock;
  private final Map<Integer, Object> listCache = new ConcurrentHashMap<>();

  public ForumRoutes(World world, SimClock clock) {
    this.world = world;
    this.clock = clock;
  }

  /** {@code origin} ({@code http://host:port}) makes redirect targets absolute, as the forum's are. */
  public Reply route(String path, String origin) {
    if (path.equals("/")) {
      return Reply.redirect(302, origin + ForumUrls.listPage(1));
    }
    if (path.equals("/forums.htm")) {
      return Reply.html(200, SpecialPages.forumsIndex(ForumUrls.listPage(1)));
    }
    Matcher permalink = PERMALINK.matcher(path);
    if (permalink.matches()) {
      return world.read(() -> permalink(Long.parseLong(permalink.group(1)), origin));
    }
    Matcher m = FORUM_PAGE.matcher(path);
    if (!m.matches()) {
      return Reply.html(404, SpecialPages.notFound());
    }
    int prefix = Integer.parseInt(m.group(1));
    long forumId = Long.parseLong(m.group(2));
    long third = Long.parseLong(m.group(3));
    long fourth = Long.parseLong(m.group(4));
    String slug = m.group(8);
    if (prefix == 0) {
      return world.read(() -> listPage(forumId, third, fourth, m.group(5), Long.parseLong(m.group(6)), m.group(7), slug,
          origin));
    }
    if (prefix == 42 || prefix == 1) {
      boolean tailCanonical = m.group(5).equals("0") && m.group(6).equals("1") && m.group(7).equals("0");
      return world.read(() -> topicPage(forumId, third, fourth, tailCanonical, slug, origin));
    }
    return Reply.html(404, SpecialPages.notFound());
  }

  private Reply listPage(long forumId, long third, long fourth, String fifth, long index, String seventh, String slug,
                         String origin) {
    if (forumId != ForumUrls.FORUM_ID) {
      return Reply.redirect(302, origin + "/forums.htm"); // a forum this simulator does not host
    }
    int last = ListPageRenderer.pageCount(world.visibleTopicCount());
    long page = index < 1 ? 1 : (index - 1) / ForumUrls.TOPICS_PER_PAGE + 1;
    boolean canonical = third == 0 && fourth == 1 && fifth.equals("0") && seventh.equals("0")
        && slug.equals(ForumUrls.FORUM_SLUG) && (index - 1) % ForumUrls.TOPICS_PER_PAGE == 0 && index >= 1;
    if (page > last) {
      return Reply.redirect(302, origin + ForumUrls.listPage(last));
    }
    if (!canonical) {
      return Reply.redirect(301, origin + ForumUrls.listPage((int) page));
    }
    Instant now = clock.now();
    // Relative dates ("12 min") change with time, not only with the world: the minute is part of the version.
    long version = world.version() * 1_000_003L + now.getEpochSecond() / 60;
    RenderedPage rendered = RenderedPage.cached(listCache, (int) page, version,
        () -> ListPageRenderer.render(world.listOrder(), (int) page, now));
    return Reply.page(rendered.body(), rendered.etag(), rendered.lastModifiedMillis());
  }

  private Reply topicPage(long forumId, long topicId, long page, boolean tailCanonical, String slug, String origin) {
    Topic topic = world.topic(topicId);
    if (topic == null) {
      return Reply.redirect(302, origin + "/forums.htm");
    }
    if (topic.deleted()) {
      return Reply.html(410, SpecialPages.gone());
    }
    int last = topic.pageCount();
    int clamped = (int) Math.max(1, Math.min(page, last));
    if (forumId != ForumUrls.FORUM_ID || !slug.equals(topic.slug()) || !tailCanonical) {
      return Reply.redirect(301, origin + topic.pageUrl(clamped));
    }
    if (clamped != page) {
      return Reply.redirect(302, origin + topic.pageUrl(clamped));
    }
    RenderedPage rendered = RenderedPage.cached(topic.pageCache(), clamped, topic.version(),
        () -> TopicPageRenderer.render(topic, clamped));
    return Reply.page(rendered.body(), rendered.etag(), rendered.lastModifiedMillis());
  }

  private Reply permalink(long messageId, String origin) {
    Message message = world.message(messageId);
    if (message == null) {
      return Reply.html(404, SpecialPages.notFound());
    }
    if (message.deleted()) {
      return Reply.html(410, SpecialPages.gone());
    }
    Topic topic = message.topic();
    int index = topic.messages().indexOf(message);
    int page = index / ForumUrls.MESSAGES_PER_PAGE + 1;
    return Reply.redirect(302, origin + topic.pageUrl(page) + "#post_" + messageId);
  }
}
