package io.jvcstreaming.simulator.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jvcstreaming.simulator.markup.ForumUrls;
import io.jvcstreaming.simulator.markup.Html;
import io.jvcstreaming.simulator.markup.JvCare;
import io.jvcstreaming.simulator.markup.ParisDates;
import io.jvcstreaming.simulator.model.Author;
import io.jvcstreaming.simulator.model.Message;
import io.jvcstreaming.simulator.model.Topic;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A topic list page (spec §2) with its payload. Call under the world's read lock. */
public final class ListPageRenderer {

  /** The forum's "hot" folder icon threshold, in replies. */
  static final int HOT_REPLIES = 20;
  private static final int AD_AFTER_ROW = 10;
  private static final int SHOWN_PARTICIPANTS = 3;

  private ListPageRenderer() {
  }

  public static int pageCount(int topics) {
    return ForumUrls.pageCount(topics, ForumUrls.TOPICS_PER_PAGE);
  }

  public static String render(List<Topic> order, int page, Instant now) {
    int last = pageCount(order.size());
    int from = Math.min((page - 1) * ForumUrls.TOPICS_PER_PAGE, order.size());
    List<Topic> rows = order.subList(from, Math.min(from + ForumUrls.TOPICS_PER_PAGE, order.size()));
    StringBuilder sb = new StringBuilder(8192 + rows.size() * 1800);
    PageChrome.open(sb, "Forum " + ForumUrls.FORUM_NAME + (page > 1 ? " - Page " + page : "") + " - jeuxvideo.com");
    PageChrome.breadcrumb(sb, "Forum " + ForumUrls.FORUM_NAME, false);
    sb.append("<div class=\"container__pagination js-pagination-top\"></div>\n");
    sb.append("<ul class=\"tablesForum tablesForum--listTopics\">\n<li class=\"tablesForum__headRow\">")
        .append("<span class=\"tablesForum__cellText\">Sujet</span><span class=\"tablesForum__cellText\">Participants</span>")
        .append("<span class=\"tablesForum__cellText\">Nb</span><span class=\"tablesForum__cellText\">Dernier msg</span></li>\n");
    for (int i = 0; i < rows.size(); i++) {
      appendRow(sb, rows.get(i), now);
      if (i + 1 == AD_AFTER_ROW) {
        sb.append("<li class=\"dfp__atf\"><ins data-ad-position=\"forum_list_1\" class=\"dfp__slot\"></ins></li>\n");
      }
    }
    sb.append("</ul>\n<div class=\"container__pagination\">\n");
    Pagination pagination = new Pagination(page, last, ForumUrls::listPage);
    pagination.render(sb);
    sb.append("\n</div>\n");
    Payload.appendScript(sb, Payload.encode(g -> writePayload(g, rows, pagination, page, last, now)));
    PageChrome.close(sb);
    return sb.toString();
  }

  private static void appendRow(StringBuilder sb, Topic t, Instant now) {
    String title = Html.escapeMinimal(t.title());
    Message lastMessage = t.lastMessage();
    int replies = t.messages().size() - 1;
    sb.append("<li id=\"topic-").append(t.id()).append("\" class=\"tablesForum__bodyRow  js-hybrid-component\">\n")
        .append("  <a class=\"tablesForum__cellSubject\" href=\"").append(t.pageUrl(1)).append("\" title=\"")
        .append(title).append("\"><i class=\"tablesForum__subjectMarkerIcon  ").append(iconClasses(t, replies))
        .append("\"></i>\n    <span class=\"tablesForum__subjectText\"> ").append(title).append(" </span></a>\n")
        .append("  <div class=\"tablesForum__cellParticipants js-topic-participants-action\">\n    ");
    Author author = t.author();
    String pseudo = Html.escapeMinimal(author.displayed());
    if (author.deletedAccount()) {
      sb.append("<span class=\"avatar tablesForum__firstAvatar\" title=\"").append(pseudo).append("\">");
    } else {
      JvCare.openSpan(sb, ForumUrls.profile(author.pseudo()), "avatar tablesForum__firstAvatar");
      sb.append(" title=\"").append(pseudo).append("\" target=\"__blank\">");
    }
    sb.append("\n      <img src=\"").append(TopicPageRenderer.avatar(author))
        .append("\" class=\"avatar__image\" alt=\"").append(pseudo).append("\"></span>");
    List<Author> others = otherParticipants(t);
    for (int i = 0; i < Math.min(SHOWN_PARTICIPANTS, others.size()); i++) {
      String other = Html.escapeMinimal(others.get(i).displayed());
      sb.append("<button class=\"avatar tablesForum__avatarItem\" title=\"").append(other).append("\"><img src=\"")
          .append(TopicPageRenderer.avatar(others.get(i))).append("\" class=\"avatar__image\" alt=\"").append(other)
          .append("\"></button>");
    }
    if (others.size() > SHOWN_PARTICIPANTS) {
      sb.append("<button class=\"tablesForum__remainingAvatars\">+").append(others.size() - SHOWN_PARTICIPANTS)
          .append("</button>");
    }
    sb.append("</div>\n  <span class=\"tablesForum__cellText tablesForum__cellText--msg\" data-val=\"Réponses :\">")
        .append(replies).append("</span>\n  ");
    JvCare.openSpan(sb, t.pageUrl(t.pageCount()), "tablesForum__cellLink");
    sb.append(" title=\"").append(ParisDates.fullEncoded(lastMessage.postedAt())).append("\">")
        .append(ParisDates.relative(lastMessage.postedAt(), now)).append("</span>\n</li>\n");
  }

  /** Distinct posters other than the opener, most recent first. */
  private static List<Author> otherParticipants(Topic t) {
    Set<Author> seen = new LinkedHashSet<>();
    List<Message> messages = t.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      Author a = messages.get(i).author();
      if (!a.equals(t.author())) {
        seen.add(a);
      }
    }
    return new ArrayList<>(seen);
  }

  static String iconClasses(Topic t, int replies) {
    if (t.pinned()) {
      return t.locked() ? "icon-topic-pin topic-pin-off" : "icon-topic-pin topic-pin-on";
    }
    if (t.locked()) {
      return "tablesForum__iconTopicLock icon-topic-lock";
    }
    return replies >= HOT_REPLIES ? "tablesForum__iconTopicRed icon-topic-folder"
        : "tablesForum__iconTopicYellow icon-topic-folder";
  }

  static String stateIcon(Topic t, int replies) {
    if (t.pinned()) {
      return t.locked() ? "pinned-off" : "pinned-on";
    }
    if (t.locked()) {
      return "locked";
    }
    return replies >= HOT_REPLIES ? "hot" : "normal";
  }

  private static void writePayload(JsonGenerator g, List<Topic> rows, Pagination pagination, int page, int last,
                                   Instant now) throws IOException {
    g.writeStartObject();
    g.writeNumberField("forumId", ForumUrls.FORUM_ID);
    g.writeArrayFieldStart("listTopics");
    for (Topic t : rows) {
      int replies = t.messages().size() - 1;
      Instant lastAt = t.lastMessage().postedAt();
      g.writeStartObject();
      g.writeNumberField("id", t.id());
      g.writeStringField("title", t.title());
      g.writeStringField("url", t.pageUrl(1));
      g.writeStringField("lastPageUrl", t.pageUrl(t.pageCount()));
      g.writeStringField("stateTopic", "msg-visible");
      g.writeStringField("stateIcon", stateIcon(t, replies));
      if (t.author().deletedAccount()) {
        g.writeNullField("author");
      } else {
        g.writeObjectFieldStart("author");
        g.writeStringField("pseudo", t.author().pseudo());
        g.writeStringField("role", "user");
        g.writeEndObject();
      }
      g.writeNumberField("responsesCount", replies);
      g.writeStringField("realLastMessageDate", ParisDates.full(lastAt));
      g.writeStringField("lastMessageDate", ParisDates.relative(lastAt, now));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("listMessage");
    g.writeEndArray();
    Payload.writePager(g, pagination, page, last, ForumUrls::listPage);
    Payload.writeForum(g, false, null);
    g.writeEndObject();
  }
}
