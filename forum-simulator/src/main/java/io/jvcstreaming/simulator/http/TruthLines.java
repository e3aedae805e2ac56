package io.jvcstreaming.simulator.http;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.simulator.TruthPost;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /_truth} lines: the wire format of {@code PostCodec.encodeLine} with two extra fields appended to each
 * object ({@code publishedAtMillis}, {@code deleted}), which wire readers ignore.
 */
public final class TruthLines {

  private TruthLines() {
  }

  public static byte[] encode(List<TruthPost> posts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(posts.size() * 400 + 16);
    for (TruthPost t : posts) {
      byte[] line = PostCodec.encodeLine(t.post());
      // line ends with "}\n": reopen the object to append the simulator's own fields.
      out.write(line, 0, line.length - 2);
      byte[] extra = (",\"publishedAtMillis\":" + t.publishedAtMillis() + ",\"deleted\":" + t.deleted() + "}\n")
          .getBytes(StandardCharsets.UTF_8);
      out.write(extra, 0, extra.length);
    }
    return out.toByteArray();
  }
}
