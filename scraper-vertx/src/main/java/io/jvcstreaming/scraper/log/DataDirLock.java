package io.jvcstreaming.scraper.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory's OS lock, on a file of its own that is never replaced (the journal is, at each rewrite): held
 * while a scraper has the store open, gone with the process even after a {@code kill -9}.
 */
final class DataDirLock implements AutoCloseable {

  static final String FILE_NAME = "jvc-log.lock";

  private final Path dir;
  private final FileChannel channel;

  private DataDirLock(Path dir, FileChannel channel) {
    this.dir = dir;
    this.channel = channel;
  }

  /** Takes the lock of {@code dir}, or says that another scraper holds it. */
  static DataDirLock take(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the data directory's lock " + file, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException | IOException e) { // overlapping: this very process holds it
      closeQuietly(channel, e);
      throw new DataDirInUseException(dir, file, e);
    }
    if (lock == null) {
      closeQuietly(channel, null);
      throw new DataDirInUseException(dir, file, null);
    }
    return new DataDirLock(dir, channel);
  }

  private static void closeQuietly(FileChannel channel, Exception cause) {
    try {
      channel.close();
    } catch (IOException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      }
    }
  }

  @Override
  public void close() {
    try {
      channel.close(); // releases the lock
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock of " + dir, e);
    }
  }
}
