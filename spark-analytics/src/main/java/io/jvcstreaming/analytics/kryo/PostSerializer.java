package io.jvcstreaming.analytics.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Kryo form of a {@link Post}: its fields one after the other. Why: the receiver's blocks hold every post of a
 * batch and are (de)serialized with {@code spark.serializer}; Java serialization of the record (class
 * descriptors, {@code Instant} and list proxies, canonical constructor per object) was most of a batch's
 * processing time. Kryo 4 cannot serialize records by itself (it would set their final fields), hence this.
 */
final class PostSerializer extends Serializer<Post> {

  public PostSerializer() {
    setImmutable(true);
  }

  @Override
  public void write(Kryo kryo, Output out, Post p) {
    out.writeVarLong(p.seq() + 1, true); // +1: UNSEQUENCED (-1) stays non-negative
    out.writeVarLong(p.id(), true);
    out.writeVarLong(p.topicId(), true);
    out.writeString(p.topic());
    out.writeString(p.author());
    out.writeLong(p.postedAt().getEpochSecond());
    out.writeInt(p.postedAt().getNano());
    out.writeString(p.text());
    out.writeVarInt(p.stickers().size(), true);
    for (String s : p.stickers()) {
      out.writeString(s);
    }
    out.writeString(p.url());
  }

  @Override
  public Post read(Kryo kryo, Input in, Class<Post> type) {
    long seq = in.readVarLong(true) - 1;
    long id = in.readVarLong(true);
    long topicId = in.readVarLong(true);
    String topic = in.readString();
    String author = in.readString();
    Instant postedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
    String text = in.readString();
    int n = in.readVarInt(true);
    List<String> stickers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      stickers.add(in.readString());
    }
    String url = in.readString();
    return new Post(seq, id, topicId, topic, author, postedAt, text, stickers, url);
  }
}
