package io.jvcstreaming.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directories a test owns: emptied at its start so a run's logs and data never mix with the previous run's. */
public final class TestDirs {

  private TestDirs() {
  }

  /** Deletes {@code dir} with everything in it, if it exists, and creates it empty. */
  public static Path fresh(Path dir) {
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
