package io.jvcstreaming.simulator.model;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What forum users do: open topics and reply (with quotes, edits, signatures), and what moderators do.
 * Callers hold the world's write lock.
 */
public final class ForumActivity {

  private final World world;
  private final ContentGenerator content;

  public ForumActivity(World world, ContentGenerator content) {
    this.world = world;
    this.content = content;
  }

  public Topic openTopic(SplittableRandom r, Instant at, boolean pinned, String lockReason, long publishedAtMillis,
                         Instant now) {
    Author author = content.author(r);
    Topic topic = world.createTopic(content.title(r), at, author, pinned, lockReason);
    post(r, topic, author, at, null, publishedAtMillis, now);
    return topic;
  }

  public Message reply(SplittableRandom r, Topic topic, Instant at, long publishedAtMillis, Instant now) {
    Author author = content.author(r);
    List<Message> messages = topic.messages();
    Message quoted = null;
    if (!messages.isEmpty() && r.nextInt(100) < 22) {
      int from = Math.max(0, messages.size() - 10);
      quoted = messages.get(from + r.nextInt(messages.size() - from));
    }
    return post(r, topic, author, at, quoted, publishedAtMillis, now);
  }

  private Message post(SplittableRandom r, Topic topic, Author author, Instant at, Message quoted,
                       long publishedAtMillis, Instant now) {
    GeneratedBody body = content.body(r, at, quoted);
    Instant editedAt = null;
    if (r.nextInt(100) < 6 && !author.deletedAccount()) {
      Instant candidate = at.plusSeconds(20 + r.nextInt(1200));
      editedAt = candidate.isAfter(now) ? null : candidate; // no edit notice dated in the future
    }
    return world.publish(topic, author, content.level(author), at, body, editedAt,
        content.signatureHtml(author, at), publishedAtMillis);
  }
}
