package io.jvcstreaming.analytics.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The file system side of {@code <checkpoint-dir>/<build version>}: whether a Spark checkpoint is there, the
 * options file beside it, the other builds' directories. Through Hadoop's FileSystem, like Spark's own checkpoint
 * code, so a local path, {@code file://}, {@code hdfs://} and {@code s3a://} all work. Thin: the decisions are in
 * {@link StateShape} and {@link Retention}.
 */
public final class CheckpointDir {

  /** Written by us beside Spark's files; also the mark of a directory we may delete. */
  public static final String OPTIONS_FILE = "jvc-options.properties";
  private static final Pattern SPARK_CHECKPOINT = Pattern.compile("checkpoint-\\d+(\\.bk)?");

  private final FileSystem fs;
  private final Path root;
  private final String version;
  private final Path dir;

  private CheckpointDir(FileSystem fs, Path root, String version) {
    this.fs = fs;
    this.root = root;
    this.version = version;
    this.dir = new Path(root, version);
  }

  public static CheckpointDir open(String root, String version, Configuration hadoopConf) {
    try {
      Path r = new Path(root);
      return new CheckpointDir(r.getFileSystem(hadoopConf), r, version);
    } catch (IOException e) {
      throw new UncheckedIOException("checkpoint-dir " + root + ": " + e.getMessage(), e);
    }
  }

  /** This build's directory, where Spark checkpoints. */
  public String path() {
    return dir.toString();
  }

  public String root() {
    return root.toString();
  }

  public String version() {
    return version;
  }

  /** Whether Spark wrote a checkpoint in this build's directory. */
  public boolean hasCheckpoint() {
    return lastCheckpointWritten(dir) >= 0;
  }

  /** Whether the root itself holds a checkpoint (written by a release before checkpoints were per build). */
  public boolean unversionedCheckpointInRoot() {
    return lastCheckpointWritten(root) >= 0;
  }

  public Optional<Map<String, String>> readOptions() {
    Path f = new Path(dir, OPTIONS_FILE);
    try {
      if (!fs.exists(f)) {
        return Optional.empty();
      }
      Properties p = new Properties();
      try (InputStream in = fs.open(f)) {
        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
      Map<String, String> m = new LinkedHashMap<>();
      p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
      return Optional.of(m);
    } catch (IOException | IllegalArgumentException e) {
      throw new StartRefused("cannot read " + f + " (" + e.getMessage() + "): it records the options the checkpoint"
          + " was started with; restore it, or start fresh by moving " + dir + " away");
    }
  }

  /** Writes the options file (a temporary file renamed over it, so a reader never sees half of it). */
  public void writeOptions(Map<String, String> options) {
    Path f = new Path(dir, OPTIONS_FILE);
    Path tmp = new Path(dir, OPTIONS_FILE + ".tmp");
    StringBuilder sb = new StringBuilder("# Options that shape this checkpoint's counts (written at its first start,"
        + " compared at every start; see README, 'What a restart keeps').\n");
    options.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    try {
      fs.mkdirs(dir);
      try (OutputStream out = fs.create(tmp, true)) {
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(f, false);
      if (!fs.rename(tmp, f)) {
        throw new IOException("rename " + tmp + " -> " + f + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
    }
  }

  /** The other builds' directories under the root (only those holding our options file). */
  public List<Retention.VersionDir> otherVersions() {
    List<Retention.VersionDir> out = new ArrayList<>();
    try {
      if (!fs.exists(root)) {
        return out;
      }
      for (FileStatus s : fs.listStatus(root)) {
        String name = s.getPath().getName();
        if (s.isDirectory() && !name.equals(version) && fs.exists(new Path(s.getPath(), OPTIONS_FILE))) {
          long last = lastCheckpointWritten(s.getPath());
          out.add(new Retention.VersionDir(name, last >= 0 ? last : s.getModificationTime()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
    return out;
  }

  public void delete(Retention.VersionDir other) {
    Path p = new Path(root, other.name());
    try {
      fs.delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
    }
  }

  public String pathOf(Retention.VersionDir other) {
    return new Path(root, other.name()).toString();
  }

  /** Modification time of the newest Spark checkpoint file in {@code d}, -1 when none. */
  private long lastCheckpointWritten(Path d) {
    try {
      if (!fs.exists(d)) {
        return -1;
      }
      long last = -1;
      for (FileStatus s : fs.listStatus(d)) {
        if (s.isFile() && SPARK_CHECKPOINT.matcher(s.getPath().getName()).matches()) {
          last = Math.max(last, s.getModificationTime());
        }
      }
      return last;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + d + ": " + e.getMessage(), e);
    }
  }
}
