package io.jvcstreaming.scraper.parse;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import java.util.ArrayList;
import java.util.List;

/**
 * The one line limit of the stream, applied where posts are made: a post's encoded line (newline excluded,
 * with room for any seq) never exceeds {@link PostCodec#MAX_LINE_BYTES}, the limit every reader enforces. A
 * post that would is not dropped: its text is cut to fit and ends with {@link #MARKER}; the caller logs the
 * post id and counts it (docs/protocol.md). Only a post that cannot fit even with an empty text and no
 * stickers (a title or URL over 1 MiB: not a forum page) is skipped and counted as a skipped message.
 */
public final class PostLineCap {

  /** Ends a text cut to fit: a space, then an ellipsis in brackets (no word, so word counts are unaffected). */
  public static final String MARKER = " [\u2026]";
  /** Every char encodes to at most 6 bytes in JSON ({@code \\u0000}); fixed fields take less than this. */
  private static final int FIXED_FIELDS_BYTES = 256;
  private static final int MAX_ESCAPED_BYTES_PER_CHAR = 6;

  private PostLineCap() {
  }

  /** The post itself when its line fits, a copy with its text cut to fit, or null when nothing fits. */
  public static Post fit(Post post) {
    if (surelyFits(post)) {
      return post;
    }
    if (lineBytes(post) <= PostCodec.MAX_LINE_BYTES) {
      return post;
    }
    String text = post.text();
    Post withoutText = withText(post, MARKER);
    if (lineBytes(withoutText) <= PostCodec.MAX_LINE_BYTES) {
      // the longest prefix of the text that fits with the marker: binary search, each probe one encode
      int lo = 0;
      int hi = text.length();
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (lineBytes(withText(post, cut(text, mid) + MARKER)) <= PostCodec.MAX_LINE_BYTES) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return withText(post, cut(text, lo) + MARKER);
    }
    // even the marker alone does not fit: the stickers are what is too long
    List<String> stickers = post.stickers();
    int lo = 0;
    int hi = stickers.size();
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineBytes(with(post, MARKER, stickers.subList(0, mid))) <= PostCodec.MAX_LINE_BYTES) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    Post fewer = with(post, MARKER, stickers.subList(0, lo));
    return lineBytes(fewer) <= PostCodec.MAX_LINE_BYTES ? fewer : null;
  }

  /** The page with every post fitted; truncated ids recorded, unfittable posts counted as skipped. */
  static TopicPage apply(TopicPage page) {
    List<Post> posts = page.posts();
    boolean any = false;
    for (Post p : posts) {
      if (!surelyFits(p)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return page;
    }
    List<Post> fitted = new ArrayList<>(posts.size());
    List<Long> truncated = new ArrayList<>(page.truncatedPosts());
    int skipped = page.skippedMessages();
    for (Post p : posts) {
      Post f = fit(p);
      if (f == null) {
        skipped++;
        truncated.add(p.id());
      } else {
        if (f != p) {
          truncated.add(p.id());
        }
        fitted.add(f);
      }
    }
    return new TopicPage(page.topicId(), page.title(), page.currentPage(), page.lastPage(), fitted, skipped,
        page.locked(), page.source(), truncated, page.payloadProblem());
  }

  /** Without encoding: the line cannot exceed the cap whatever its chars escape to (nearly every post). */
  static boolean surelyFits(Post p) {
    long chars = (long) p.topic().length() + p.author().length() + p.text().length() + p.url().length();
    for (String s : p.stickers()) {
      chars += s.length() + 3;
    }
    return chars * MAX_ESCAPED_BYTES_PER_CHAR + FIXED_FIELDS_BYTES <= PostCodec.MAX_LINE_BYTES;
  }

  /** The encoded line's length without its newline, measured with the longest seq it may get. */
  static int lineBytes(Post p) {
    return PostCodec.encodeLine(p.withSeq(Long.MAX_VALUE)).length - 1;
  }

  /** The first {@code n} chars, one fewer if that would split a surrogate pair. */
  private static String cut(String s, int n) {
    if (n > 0 && n < s.length() && Character.isHighSurrogate(s.charAt(n - 1))) {
      n--;
    }
    return s.substring(0, n);
  }

  private static Post withText(Post p, String text) {
    return with(p, text, p.stickers());
  }

  private static Post with(Post p, String text, List<String> stickers) {
    return new Post(p.seq(), p.id(), p.topicId(), p.topic(), p.author(), p.postedAt(), text, stickers, p.url());
  }
}
