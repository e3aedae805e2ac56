package io.jvcstreaming.e2e.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark job's report line on stdout, in either {@code --emit} format: the table header
 * ({@code == stickers (last 10m) | batch 12:00:03 | posts: 3 this batch, 10 total | top 3 ==}) or a JSON report
 * ({@code {"job":"stickers","batchTime":...,"posts":3,"totalPosts":10,"top":[...]}}).
 */
record ReportLine(String job, long posts, long totalPosts) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TABLE =
      Pattern.compile("^== (\\S+)(?: \\(last [^)]*\\))? \\| batch [^|]* \\| posts: (\\d+) this batch, (\\d+) total \\|.*");

  static Optional<ReportLine> parse(String line) {
    Matcher m = TABLE.matcher(line);
    if (m.matches()) {
      return Optional.of(new ReportLine(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
    }
    if (line.startsWith("{\"job\"")) {
      try {
        JsonNode n = JSON.readTree(line);
        if (n.hasNonNull("job") && n.hasNonNull("totalPosts")) {
          return Optional.of(new ReportLine(n.get("job").asText(), n.path("posts").asLong(),
              n.get("totalPosts").asLong()));
        }
      } catch (Exception e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
