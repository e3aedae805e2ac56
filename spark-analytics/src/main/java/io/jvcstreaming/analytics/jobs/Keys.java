package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.model.Post;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.api.java.function.PairFunction;
import scala.Tuple2;

/** The named functions that turn posts into {@code (key, 1)} pairs, one per job. */
final class Keys {

  private static final Long ONE = 1L;

  private Keys() {
  }

  /** Every sticker URL of a post (a sticker used twice counts twice). */
  static final class Stickers implements PairFlatMapFunction<Post, String, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Tuple2<String, Long>> call(Post p) {
      List<Tuple2<String, Long>> out = new ArrayList<>(p.stickers().size());
      for (String s : p.stickers()) {
        if (s != null && !s.isBlank()) {
          out.add(new Tuple2<>(s.strip(), ONE));
        }
      }
      return out.iterator();
    }
  }

  /** The post's author, as written. */
  static final class Author implements PairFunction<Post, String, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Tuple2<String, Long> call(Post p) {
      return new Tuple2<>(p.author(), ONE);
    }
  }

  /** {@code topicId \t title}: counted by id, shown by title. */
  static final class Topic implements PairFunction<Post, String, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Tuple2<String, Long> call(Post p) {
      return new Tuple2<>(p.topicId() + "\t" + p.topic(), ONE);
    }
  }

  /** The words of the post's own text. */
  static final class Words implements PairFlatMapFunction<Post, String, Long> {
    private static final long serialVersionUID = 1L;
    private final Tokenizer tokenizer;

    Words(Tokenizer tokenizer) {
      this.tokenizer = tokenizer;
    }

    @Override
    public Iterator<Tuple2<String, Long>> call(Post p) {
      List<String> words = tokenizer.words(p.text());
      List<Tuple2<String, Long>> out = new ArrayList<>(words.size());
      for (String w : words) {
        out.add(new Tuple2<>(w, ONE));
      }
      return out.iterator();
    }
  }

  /** Counts whose key is one of {@code keys}. */
  static final class KeyIn implements Function<Tuple2<String, Long>, Boolean> {
    private static final long serialVersionUID = 1L;
    private final Set<String> keys;

    KeyIn(Set<String> keys) {
      this.keys = Set.copyOf(keys);
    }

    @Override
    public Boolean call(Tuple2<String, Long> keyCount) {
      return keys.contains(keyCount._1());
    }
  }
}
