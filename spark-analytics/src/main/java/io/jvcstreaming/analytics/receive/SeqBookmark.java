package io.jvcstreaming.analytics.receive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

/**
 * The last {@code seq} a receiver has stored, kept in the checkpoint directory (any Hadoop file system the
 * driver and executors share), so a receiver started again after a driver restart or on another executor
 * sends {@code RESUME <that seq>} and neither loses nor doubles posts.
 *
 * <p>Written after each stored block: write a temporary file, then rename it over the bookmark. Not
 * thread-safe; used by the receiver thread only.
 */
final class SeqBookmark {

  static final long NONE = -1L;

  private final Path file;
  private final Path tmp;
  private final FileSystem fs;

  SeqBookmark(String checkpointDir, int streamId) throws IOException {
    Path dir = new Path(checkpointDir, "receiver-bookmarks");
    this.file = new Path(dir, "stream-" + streamId + ".seq");
    this.tmp = new Path(dir, "stream-" + streamId + ".seq.tmp");
    this.fs = file.getFileSystem(hadoopConf());
    fs.mkdirs(dir);
  }

  private static Configuration hadoopConf() {
    Configuration conf = new Configuration();
    SparkEnv env = SparkEnv.get();
    if (env != null) {
      SparkConf sparkConf = env.conf();
      for (Tuple2<String, String> kv : sparkConf.getAllWithPrefix("spark.hadoop.")) {
        conf.set(kv._1(), kv._2());
      }
    }
    return conf;
  }

  /** The stored seq, or {@link #NONE} when there is none yet. */
  long load() throws IOException {
    for (Path p : new Path[] {file, tmp}) {
      if (fs.exists(p)) {
        try (InputStream in = fs.open(p)) {
          String s = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
          if (!s.isEmpty()) {
            return Long.parseLong(s);
          }
        } catch (NumberFormatException e) {
          // a torn write of the temporary file: try the next candidate
        }
      }
    }
    return NONE;
  }

  void save(long seq) throws IOException {
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
    }
    if (!fs.rename(tmp, file)) {
      fs.delete(file, false);
      if (!fs.rename(tmp, file)) {
        throw new IOException("cannot rename " + tmp + " to " + file);
      }
    }
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
