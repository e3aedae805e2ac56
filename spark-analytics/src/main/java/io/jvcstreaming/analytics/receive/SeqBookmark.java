package io.jvcstreaming.analytics.receive;

import io.jvcstreaming.codec.StreamProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

/**
 * A receiver's position, kept in the checkpoint directory (any Hadoop file system the driver and executors
 * share): the stream id, the last seq consumed in it and the per-topic high-water marks, so a receiver started
 * again (reconnect, receiver restart, driver restart, another executor) resumes exactly.
 *
 * <p>Format v2, binary, big-endian: magic {@code "JVCB"}, version byte (2), the stream id (16 ASCII bytes),
 * the seq (8 bytes), the number of marks (4 bytes), then per topic, oldest advanced first, the topic id and its
 * highest stored message id as unsigned varints, then the CRC32 of everything before it (4 bytes). 50 000
 * topics take about 450 kB.
 *
 * <p>Written after each stored block: write a temporary file, then rename it over the bookmark, so a crash
 * leaves either the old or the new file whole; the checksum catches what the file system did not. Reading:
 * no file = a first start; a file that is torn, corrupt, of another version or of the old v1 form (a bare
 * seq, no stream id) is a {@link BookmarkException} naming the file and how to start over, never a silent
 * replay from the beginning. A temporary file is only used when the bookmark itself is missing (the rename
 * fallback deletes the bookmark first on file systems whose rename does not replace).
 *
 * <p>Not thread-safe; used by the receiver thread only.
 */
final class SeqBookmark {

  static final int FORMAT_VERSION = 2;
  private static final byte[] MAGIC = {'J', 'V', 'C', 'B'};
  private static final int HEADER = MAGIC.length + 1 + 16 + 8 + 4;

  /** What a bookmark holds. */
  record Saved(String streamId, long seq, TopicMarks marks) {
  }

  /** The bookmark cannot be used; the message names the file and says how to start over. */
  static final class BookmarkException extends IOException {
    private static final long serialVersionUID = 1L;

    BookmarkException(String message) {
      super(message);
    }
  }

  private final Path file;
  private final Path tmp;
  private final FileSystem fs;

  SeqBookmark(String checkpointDir, int receiverId) throws IOException {
    Path dir = new Path(checkpointDir, "receiver-bookmarks");
    // the v1 name on purpose: a v1 bookmark is then found and refused, not silently ignored
    this.file = new Path(dir, "stream-" + receiverId + ".seq");
    this.tmp = new Path(dir, "stream-" + receiverId + ".seq.tmp");
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

  /** The saved position, or empty when there is none yet (first start). */
  Optional<Saved> load(int capacity) throws IOException {
    if (fs.exists(file)) {
      return Optional.of(decode(readAll(file), file.toString(), capacity));
    }
    if (fs.exists(tmp)) {
      try {
        return Optional.of(decode(readAll(tmp), tmp.toString(), capacity));
      } catch (BookmarkException torn) {
        // the very first write was cut short: nothing was ever bookmarked
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  void save(String streamId, long seq, TopicMarks marks) throws IOException {
    byte[] bytes = encode(streamId, seq, marks);
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(bytes);
    }
    if (!fs.rename(tmp, file)) {
      fs.delete(file, false);
      if (!fs.rename(tmp, file)) {
        throw new IOException("cannot rename " + tmp + " to " + file);
      }
    }
  }

  Path file() {
    return file;
  }

  Path tmp() {
    return tmp;
  }

  FileSystem fileSystem() {
    return fs;
  }

  private byte[] readAll(Path p) throws IOException {
    try (InputStream in = fs.open(p)) {
      return in.readAllBytes();
    } catch (ChecksumException e) {
      // the local file system's own .crc sidecar disagrees: as corrupt as a bad CRC32 of ours
      throw new BookmarkException("receiver bookmark " + p + " is corrupt (" + e.getMessage() + ")."
          + startOver(p.toString()));
    }
  }

  static byte[] encode(String streamId, long seq, TopicMarks marks) {
    if (!StreamProtocol.validStreamId(streamId)) {
      throw new IllegalArgumentException("bad stream id: " + streamId);
    }
    // one array sized for the worst case (two 10-byte varints per topic): no copying while encoding
    byte[] buf = new byte[HEADER + marks.size() * 20 + 4];
    ByteBuffer head = ByteBuffer.wrap(buf);
    head.put(MAGIC).put((byte) FORMAT_VERSION).put(streamId.getBytes(StandardCharsets.US_ASCII)).putLong(seq)
        .putInt(marks.size());
    int n = HEADER;
    for (Iterator<Map.Entry<Long, Long>> it = marks.iterator(); it.hasNext(); ) {
      Map.Entry<Long, Long> e = it.next();
      n = putVarint(buf, n, e.getKey());
      n = putVarint(buf, n, e.getValue());
    }
    CRC32 crc = new CRC32();
    crc.update(buf, 0, n);
    ByteBuffer.wrap(buf, n, 4).putInt((int) crc.getValue());
    return Arrays.copyOf(buf, n + 4);
  }

  static Saved decode(byte[] bytes, String name, int capacity) throws BookmarkException {
    String startOver = startOver(name);
    if (looksLikeV1(bytes)) {
      throw new BookmarkException("receiver bookmark " + name + " is in the old v1 form (a bare seq '"
          + new String(bytes, StandardCharsets.US_ASCII).strip() + "', no stream id): it cannot say which log that"
          + " seq belongs to." + startOver);
    }
    if (bytes.length < HEADER + 4 || !startsWithMagic(bytes)) {
      throw new BookmarkException("receiver bookmark " + name + " is not a bookmark or is torn (" + bytes.length
          + " bytes)." + startOver);
    }
    int version = bytes[MAGIC.length] & 0xff;
    if (version != FORMAT_VERSION) {
      throw new BookmarkException("receiver bookmark " + name + " has format version " + version + ", this receiver"
          + " reads version " + FORMAT_VERSION + "." + startOver);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
    if (stored != (int) crc.getValue()) {
      throw new BookmarkException("receiver bookmark " + name + " is corrupt (checksum mismatch)." + startOver);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
    in.position(MAGIC.length + 1);
    byte[] id = new byte[16];
    in.get(id);
    String streamId = new String(id, StandardCharsets.US_ASCII);
    long seq = in.getLong();
    int count = in.getInt();
    if (!StreamProtocol.validStreamId(streamId) || seq < -1 || count < 0) {
      throw new BookmarkException("receiver bookmark " + name + " holds invalid values (stream " + streamId + ", seq "
          + seq + ", " + count + " topics)." + startOver);
    }
    TopicMarks marks = new TopicMarks(capacity);
    try {
      for (int i = 0; i < count; i++) {
        long topic = getVarint(in);
        long mark = getVarint(in);
        marks.advance(topic, mark);
      }
    } catch (RuntimeException e) {
      throw new BookmarkException("receiver bookmark " + name + " is corrupt (topic marks cut short: " + e + ")."
          + startOver);
    }
    if (in.hasRemaining()) {
      throw new BookmarkException("receiver bookmark " + name + " is corrupt (" + in.remaining()
          + " bytes after the topic marks)." + startOver);
    }
    return new Saved(streamId, seq, marks);
  }

  private static String startOver(String name) {
    return " The receiver does not stream until this is fixed. Delete " + name + " to start over: the receiver then"
        + " counts from the oldest post the scraper holds (posts this checkpoint already counted may be counted"
        + " again; to start every count afresh, delete the whole checkpoint directory).";
  }

  private static boolean startsWithMagic(byte[] bytes) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikeV1(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.US_ASCII).strip();
    return !s.isEmpty() && s.length() <= 20 && s.matches("-?\\d+");
  }

  private static int putVarint(byte[] buf, int at, long v) {
    while ((v & ~0x7FL) != 0) {
      buf[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[at++] = (byte) v;
    return at;
  }

  private static long getVarint(ByteBuffer in) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.get();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IllegalStateException("varint longer than 10 bytes");
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
