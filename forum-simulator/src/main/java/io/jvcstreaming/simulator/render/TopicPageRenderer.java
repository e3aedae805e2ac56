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
import java.util.List;
import java.util.Locale;

/** A topic page (spec §3) with its payload (spec §7). Call under the world's read lock. */
public final class TopicPageRenderer {

  /** Ad slots sit after these positions on a page. */
  private static final int FIRST_AD_AFTER = 1;
  private static final int SECOND_AD_AFTER = 10;

  private TopicPageRenderer() {
  }

  public static String render(Topic topic, int page) {
    List<Message> all = topic.messages();
    int last = topic.pageCount();
    int from = (page - 1) * ForumUrls.MESSAGES_PER_PAGE;
    List<Message> messages = all.subList(Math.min(from, all.size()),
        Math.min(from + ForumUrls.MESSAGES_PER_PAGE, all.size()));
    String title = Html.escapeMinimal(topic.title());
    StringBuilder sb = new StringBuilder(4096 + messages.size() * 2600);
    PageChrome.open(sb, title + " sur le forum " + ForumUrls.FORUM_NAME + " - " + ParisDates.dashed(topic.createdAt())
        + " - jeuxvideo.com");
    PageChrome.breadcrumb(sb, "Topic " + title, true);
    sb.append("<div class=\"titleMessagesUsers\"><h2 class=\"titleMessagesUsers__title\">\n        ").append(title)
        .append("\n    </h2></div>\n");
    if (topic.locked()) {
      sb.append("<div class=\"lockInfo\"><div class=\"lockInfo__reason\">Sujet fermé pour la raison suivante : <strong>");
      Html.appendMinimal(sb, topic.lockReason());
      sb.append("</strong></div></div>\n");
    }
    sb.append("<div class=\"container__pagination js-pagination-top\"></div>\n");
    sb.append("<div id=\"listMessages\" class=\"container__messages\">\n");
    for (int i = 0; i < messages.size(); i++) {
      appendMessage(sb, messages.get(i));
      if (i + 1 == FIRST_AD_AFTER || i + 1 == SECOND_AD_AFTER && messages.size() > SECOND_AD_AFTER) {
        sb.append("<ins data-ad-position=\"").append(i + 1 == FIRST_AD_AFTER ? "forum_msg_1" : "forum_msg_2")
            .append("\" class=\"dfp__slot\"></ins>\n");
      }
    }
    sb.append("</div>\n<div class=\"container__pagination\">\n");
    Pagination pagination = new Pagination(page, last, topic::pageUrl);
    pagination.render(sb);
    sb.append("\n</div>\n");
    Payload.appendScript(sb, Payload.encode(g -> writePayload(g, topic, messages, pagination, page, last)));
    PageChrome.close(sb);
    return sb.toString();
  }

  private static void appendMessage(StringBuilder sb, Message m) {
    Author author = m.author();
    String pseudo = Html.escapeMinimal(author.displayed());
    sb.append("<span id=\"post_").append(m.id()).append("\" class=\"messageUser__anchor\"></span>\n")
        .append("<div class=\"messageUser js-hybrid-component\" id=\"message-").append(m.id()).append("\">\n")
        .append(" <div class=\"messageUser__card js-message-user-card\">\n  <div class=\"messageUser__header\">");
    if (author.deletedAccount()) {
      sb.append("<span class=\"avatar\"><img src=\"").append(avatar(author)).append("\" class=\"avatar__image\" alt=\"")
          .append(pseudo).append("\"></span>\n   <div class=\"messageUser__profil\"><span class=\"messageUser__label\">")
          .append(pseudo).append("</span>");
    } else {
      JvCare.openSpan(sb, ForumUrls.profile(author.pseudo()), "avatar");
      sb.append("><img src=\"").append(avatar(author)).append("\" class=\"avatar__image\" alt=\"").append(pseudo)
          .append("\"></span>\n   <div class=\"messageUser__profil\">");
      JvCare.openSpan(sb, ForumUrls.profile(author.pseudo()), "messageUser__label ");
      sb.append(" target=\"__blank\">").append(pseudo).append("</span>\n    <div class=\"messageUser__level\">Niveau ")
          .append(m.level()).append("</div>");
    }
    JvCare.openSpan(sb, ForumUrls.permalink(m.id()), "messageUser__date");
    sb.append('>').append(ParisDates.full(m.postedAt())).append("</span></div></div>\n")
        .append("  <div class=\"messageUser__main\"><div class=\"messageUser__msg js-message-user-msg\">")
        .append(m.body().html()).append("</div>");
    if (m.editedAt() != null) {
      sb.append("<div class=\"messageUser__dateEdit\">Message édité le ").append(ParisDates.full(m.editedAt()))
          .append(" par ");
      JvCare.openSpan(sb, ForumUrls.profile(author.pseudo()), "messageUser__dateEditLink");
      sb.append('>').append(pseudo).append("</span></div>");
    }
    if (m.signatureHtml() != null) {
      sb.append("<div class=\"messageUser__separator\"></div><div class=\"messageUser__signature\">")
          .append(m.signatureHtml()).append("</div>");
    }
    sb.append("</div>\n </div>\n</div>\n");
  }

  static String avatar(Author author) {
    if (author.deletedAccount()) {
      return "https://image.jeuxvideo.com/avatar-sm/default.jpg";
    }
    int h = Math.floorMod(author.pseudo().hashCode(), 10_000);
    return "https://image.jeuxvideo.com/avatar-sm/" + h % 10 + "/" + h / 10 % 10 + "/"
        + author.pseudo().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "") + "-" + Integer.toHexString(h) + ".jpg";
  }

  private static void writePayload(JsonGenerator g, Topic topic, List<Message> messages, Pagination pagination,
                                   int page, int last) throws IOException {
    g.writeStartObject();
    g.writeNumberField("topicId", topic.id());
    g.writeNumberField("forumId", ForumUrls.FORUM_ID);
    g.writeStringField("topicTitleField", topic.title());
    g.writeArrayFieldStart("listMessage");
    for (Message m : messages) {
      Author author = m.author();
      g.writeStartObject();
      g.writeNumberField("id", m.id());
      g.writeNumberField("topicId", topic.id());
      g.writeNumberField("forumId", ForumUrls.FORUM_ID);
      g.writeStringField("text", m.body().raw());
      g.writeStringField("renderedText", m.body().html());
      g.writeStringField("stateMessage", "msg-visible");
      g.writeStringField("publishedDate", ParisDates.full(m.postedAt()));
      g.writeStringField("publishedAuthorName", author.displayed());
      g.writeBooleanField("publishedAuthorIsDeleted", author.deletedAccount());
      g.writeStringField("publishedAuthorAvatar", avatar(author));
      g.writeStringField("updatedDate", m.editedAt() == null ? null : ParisDates.full(m.editedAt()));
      g.writeStringField("updatedText", m.editedAt() == null ? ""
          : "Message édité le " + ParisDates.full(m.editedAt()) + " par " + author.displayed());
      g.writeStringField("publishedAuthorSignatureRendered", m.signatureHtml() == null ? "" : m.signatureHtml());
      g.writeStringField("userLevelLabel", author.deletedAccount() ? "" : "Niveau " + m.level());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("listTopics");
    g.writeEndArray();
    Payload.writePager(g, pagination, page, last, topic::pageUrl);
    Payload.writeForum(g, topic.locked(), topic.lockReason());
    g.writeEndObject();
  }
}
