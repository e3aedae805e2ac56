package io.jvcstreaming.analytics.report;

import io.jvcstreaming.codec.MalformedLineException;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;

/**
 * A post the pseudo job prints in full, as its wire line (encoded once, on the executor that matched it) with its
 * seq: the JSON report writes the line as it is, and only the table decodes it. Decoding and re-encoding every
 * match on the driver cost most of a batch when a followed pseudo wrote a third of the posts.
 */
public record MatchedPost(String line, long seq) {

  public static MatchedPost of(Post post) {
    return new MatchedPost(PostCodec.encode(post), post.seq());
  }

  /** The post back from its line: malformed only if the codec broke, which must not pass silently. */
  public Post post() {
    try {
      return PostCodec.decode(line);
    } catch (MalformedLineException e) {
      throw new IllegalStateException("a matched post did not decode back (seq " + seq + "): " + e.getMessage(), e);
    }
  }
}
