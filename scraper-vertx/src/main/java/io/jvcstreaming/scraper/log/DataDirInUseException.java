package io.jvcstreaming.scraper.log;

import java.nio.file.Path;

/** A second scraper opened a data directory whose store another process holds (MVStore's OS file lock). */
public final class DataDirInUseException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  DataDirInUseException(Path dir, Path file, Throwable cause) {
    super("data directory " + dir.toAbsolutePath().normalize() + " is in use by another scraper (" + file.getFileName()
        + " is locked): stop that one, or give this one its own --data-dir / JVC_DATA_DIR", cause);
  }
}
