import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step (exec-maven-plugin, process-classes; run as a single-file program, not part of the jar): writes
 * {@code io/jvcstreaming/analytics/build-version.properties} into the compiled classes with the project and Spark
 * versions and one SHA-256 over every .class file (relative path + bytes, sorted by path), so the checkpoint
 * directory name changes with the code and only with it.
 *
 * <p>Usage: {@code java WriteBuildVersion.java <classes dir> <project version> <spark version>}
 */
public final class WriteBuildVersion {

  public static void main(String[] args) throws Exception {
    Path classes = Path.of(args[0]);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    for (Path f : files) {
      sha.update(classes.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(Files.readAllBytes(f));
    }
    String text = "project.version=" + args[1] + "\nspark.version=" + args[2] + "\nclasses.sha256="
        + HexFormat.of().formatHex(sha.digest()) + "\nclasses=" + files.size() + "\n";
    Path out = classes.resolve("io/jvcstreaming/analytics/build-version.properties");
    Files.createDirectories(out.getParent());
    write(out, text);
  }

  private static void write(Path out, String text) throws IOException {
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
