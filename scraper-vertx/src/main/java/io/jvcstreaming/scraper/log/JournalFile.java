package io.jvcstreaming.scraper.log;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local store's file: a header, then records appended one write each, every record framed as
 * {@code [payload length][CRC32C of the payload][payload]}, read back in order at open. A record cut short by a
 * {@code kill -9} or a power cut fails its length or its check: the file is cut back to the last whole record, so
 * an append is in the file whole or not at all. A write that fails is cut back the same way at once, so that no
 * later record ever sits behind a broken one. Not thread-safe: its store's one worker thread.
 */
final class JournalFile implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPostLog.class);

  /** The first bytes of a journal: the format's name and version. */
  static final byte[] MAGIC = "JVCLOG3\n".getBytes(StandardCharsets.US_ASCII);
  /** Larger than any record we write (a page's posts, each line at most 1 MiB; snapshot records are chunked). */
  static final int MAX_RECORD_BYTES = 64 << 20;
  private static final int FRAME_BYTES = 8;

  /** What {@link #open} found: whole records read, and bytes cut from the tail. */
  record Scan(long records, long cutBytes) {
  }

  private Path path;
  private final FileChannel channel;
  private long size;
  private boolean unsynced;
  private JournalBrokenException broken;

  private JournalFile(Path path, FileChannel channel, long size) {
    this.path = path;
    this.channel = channel;
    this.size = size;
  }

  /** A new journal at {@code path} (which must not exist), its header written and synced. */
  static JournalFile create(Path path) {
    try {
      FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      JournalFile journal = new JournalFile(path, channel, 0);
      journal.writeFully(ByteBuffer.wrap(MAGIC));
      journal.size = MAGIC.length;
      channel.force(true);
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the local store " + path, e);
    }
  }

  /**
   * Opens an existing journal: every whole record's payload goes to {@code onRecord} in file order (the buffer is
   * the record's alone), a cut tail is truncated, and the file is left open for appends at its end.
   */
  static JournalFile open(Path path, Consumer<ByteBuffer> onRecord, Consumer<Scan> onScanned) {
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the local store " + path, e);
    }
    try {
      long fileSize = channel.size();
      long[] read = scan(path, channel, fileSize, onRecord);
      long records = read[0];
      long end = read[1];
      if (end < fileSize) {
        channel.truncate(end);
        channel.force(true);
      }
      onScanned.accept(new Scan(records, fileSize - end));
      JournalFile journal = new JournalFile(path, channel, end);
      channel.position(end);
      return journal;
    } catch (IOException | RuntimeException e) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot read the local store " + path, io);
      }
      throw (RuntimeException) e;
    }
  }

  /** Reads records from the start; returns {records read, offset just after the last whole one}. */
  private static long[] scan(Path path, FileChannel channel, long fileSize, Consumer<ByteBuffer> onRecord)
      throws IOException {
    channel.position(0);
    InputStream raw = Channels.newInputStream(channel);
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    byte[] magic = new byte[MAGIC.length];
    try {
      in.readFully(magic);
    } catch (EOFException e) {
      throw new IllegalStateException("local store " + path + " is shorter than its header: not a journal");
    }
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IllegalStateException("local store " + path + " does not start with the journal header "
          + "(format 3): not a file this scraper wrote");
    }
    long offset = MAGIC.length;
    long records = 0;
    CRC32C crc = new CRC32C();
    while (true) {
      int length;
      int check;
      try {
        length = in.readInt();
        check = in.readInt();
      } catch (EOFException e) {
        return new long[] {records, offset}; // the end, or a frame cut short
      }
      // a length past the file's end is a frame cut short or garbage: never allocated
      if (length < 1 || length > MAX_RECORD_BYTES || length > fileSize - offset - FRAME_BYTES) {
        return new long[] {records, offset};
      }
      byte[] payload = new byte[length];
      try {
        in.readFully(payload);
      } catch (EOFException e) {
        return new long[] {records, offset};
      }
      crc.reset();
      crc.update(payload);
      if ((int) crc.getValue() != check) {
        return new long[] {records, offset};
      }
      onRecord.accept(ByteBuffer.wrap(payload));
      offset += FRAME_BYTES + length;
      records++;
    }
  }

  /** Appends one record (the payload between position 0 and its limit); whole, or the file is as before. */
  void append(ByteBuffer payload) {
    if (broken != null) {
      throw broken;
    }
    int length = payload.remaining();
    if (length < 1 || length > MAX_RECORD_BYTES) {
      throw new IllegalArgumentException("record of " + length + " bytes");
    }
    CRC32C crc = new CRC32C();
    crc.update(payload.duplicate());
    ByteBuffer frame = ByteBuffer.allocate(FRAME_BYTES).putInt(length).putInt((int) crc.getValue()).flip();
    long before = size;
    try {
      writeFully(frame);
      writeFully(payload);
    } catch (IOException e) {
      try {
        channel.truncate(before);
        channel.position(before);
      } catch (IOException cut) {
        e.addSuppressed(cut);
        broken = new JournalBrokenException(path, e);
        throw broken;
      }
      throw new UncheckedIOException("local store " + path + ": append failed, nothing written", e);
    }
    size = before + FRAME_BYTES + length;
    unsynced = true;
  }

  private void writeFully(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Fsyncs what was appended since the last sync, if anything was. */
  void syncIfDirty() {
    if (unsynced) {
      sync();
    }
  }

  void sync() {
    try {
      channel.force(false);
      unsynced = false;
    } catch (IOException e) {
      throw new UncheckedIOException("local store " + path + ": fsync failed", e);
    }
  }

  /**
   * Renames this (synced) file over {@code target}, atomically, and syncs the directory so the rename survives a
   * power cut; appends go on into the same file, now at {@code target}.
   */
  void moveTo(Path target) {
    try {
      Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("local store: cannot rename " + path + " to " + target, e);
    }
    path = target; // renamed: a failure below must not make the caller write on into the file it replaced
    try (FileChannel directory = FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      LOG.warn("local store {}: fsync of its directory after the rename failed ({}): a power cut may bring the"
          + " previous file back", target, e.toString());
    }
  }

  long size() {
    return size;
  }

  Path path() {
    return path;
  }

  boolean exists() {
    return Files.exists(path);
  }

  @Override
  public void close() {
    try {
      if (channel.isOpen()) {
        if (unsynced) {
          channel.force(false);
        }
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("local store " + path + ": close failed", e);
    }
  }

  /** A failed write that could not be cut back: later appends would land behind a broken record. */
  static final class JournalBrokenException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    JournalBrokenException(Path path, Throwable cause) {
      super("local store " + path + ": a failed append could not be cut back; no more appends (restart to recover"
          + " to the last whole record)", cause);
    }
  }
}
