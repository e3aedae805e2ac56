package io.jvcstreaming.scraper.log;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import java.util.List;
import org.slf4j.Logger;

/**
 * What one append ({@link PostLog#append}) puts in a log that keeps its id guard in this process (the local store,
 * the in-memory log): the candidates above the topic's bookmark and not already held under any topic, each with the
 * seq it gets and its stream line, and where the bookmark moves to. Choosing changes nothing: the log applies the
 * choice once it is written.
 */
final class FreshPosts {

  final long[] seqs;
  final long[] ids;
  final byte[][] lines;
  final int count;
  /** Posts already held under another topic (a merged or moved topic): skipped. */
  final int duplicates;
  /** The topic's bookmark after the append: past every candidate, duplicates included. */
  final long maxId;

  private FreshPosts(long[] seqs, long[] ids, byte[][] lines, int count, int duplicates, long maxId) {
    this.seqs = seqs;
    this.ids = ids;
    this.lines = lines;
    this.count = count;
    this.duplicates = duplicates;
    this.maxId = maxId;
  }

  /** @param candidates sorted by id ascending, seq unset; {@code bookmarkMaxId} 0 for a topic never streamed */
  static FreshPosts choose(List<Post> candidates, long bookmarkMaxId, PostIdGuard guard, long nextSeq) {
    int n = candidates.size();
    long[] seqs = new long[n];
    long[] ids = new long[n];
    byte[][] lines = new byte[n][];
    long maxId = bookmarkMaxId;
    int count = 0;
    int duplicates = 0;
    for (Post post : candidates) {
      if (post.id() <= maxId) {
        continue;
      }
      maxId = post.id();
      if (guard.contains(post.id())) {
        duplicates++;
        continue;
      }
      long seq = nextSeq + count;
      seqs[count] = seq;
      ids[count] = post.id();
      lines[count] = PostCodec.encodeLine(post.withSeq(seq));
      count++;
    }
    return new FreshPosts(seqs, ids, lines, count, duplicates, maxId);
  }

  /** Adds the chosen posts to {@code guard}, once they are in the log. */
  void addTo(PostIdGuard guard) {
    for (int i = 0; i < count; i++) {
      guard.add(seqs[i], ids[i]);
    }
  }

  /** Counts and says the duplicates skipped, if any. */
  void reportDuplicates(long topicId, ScraperMetrics metrics, Logger log) {
    if (duplicates > 0) {
      metrics.duplicatesSkipped(duplicates);
      log.info("topic {}: {} post(s) already in the log (a merged or moved topic) skipped", topicId, duplicates);
    }
  }
}
