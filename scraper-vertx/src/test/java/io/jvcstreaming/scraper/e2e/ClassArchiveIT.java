package io.jvcstreaming.scraper.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.testkit.FreePort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive, with real processes: {@code bin/train-class-archive} crawls a simulated forum
 * through {@code bin/jvc-scraper} and leaves an archive that holds the classes a crawl loads (HTTP client, parsers,
 * stream codec), not only start-up's; a run that ends at once ({@code --help}) leaves none, so that a later run
 * still writes a useful one.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClassArchiveIT {

  private static final Path JAR = Path.of("target", "scraper-vertx.jar").toAbsolutePath();
  private static final Path SIMULATOR_JAR =
      Path.of("..", "forum-simulator", "target", "forum-simulator.jar").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void aTrainingCrawlArchivesTheClassesOfACrawl() throws Exception {
    assertThat(SIMULATOR_JAR).as("the simulator jar (forum-simulator is built before this module)").exists();
    Path archive = dir.resolve("scraper.jsa");
    Run training = run(List.of(Path.of("bin", "train-class-archive").toAbsolutePath().toString(),
            SIMULATOR_JAR.toString(), "--", Path.of("bin", "jvc-scraper").toAbsolutePath().toString()),
        Map.of("JVC_CDS_ARCHIVE", archive.toString(), "TRAIN_SIM_PORT", Integer.toString(FreePort.next()),
            "TRAIN_HTTP_PORT", Integer.toString(FreePort.next()),
            "TRAIN_STREAM_PORT", Integer.toString(FreePort.next())), 240);

    assertThat(training.status()).as(training.output()).isZero();
    assertThat(training.output()).contains("the training crawl streamed 1500 posts");
    assertThat(archive).as(training.output()).isNotEmptyFile();
    assertThat(filesIn(dir)).as("nothing but the archive is left").containsExactly("scraper.jsa");

    Run listing = run(List.of(java(), "-XX:SharedArchiveFile=" + archive, "-XX:+PrintSharedArchiveAndExit",
        "-cp", JAR.toString()), Map.of(), 60);
    assertThat(listing.status()).as(listing.output()).isZero();
    assertThat(listing.output()).contains(
        "io.jvcstreaming.scraper.parse.TopicPageParser", "io.jvcstreaming.scraper.parse.PayloadReader",
        "io.jvcstreaming.scraper.parse.ListPageScan", "io.jvcstreaming.codec.PostCodec",
        "io.jvcstreaming.codec.ResumeRequest", "io.vertx.core.http.impl.HttpClientImpl");
  }

  @Test
  void aRunThatEndsAtOnceLeavesNoArchive() throws Exception {
    Path archive = dir.resolve("scraper.jsa");
    Run help = run(List.of(Path.of("bin", "jvc-scraper").toAbsolutePath().toString(), "--help"),
        Map.of("JVC_CDS_ARCHIVE", archive.toString()), 60);

    assertThat(help.status()).as(help.output()).isZero();
    assertThat(help.output()).contains("--forum-url");
    assertThat(filesIn(dir)).as("no archive, no partial one").isEmpty();
  }

  private record Run(int status, String output) {
  }

  private static Run run(List<String> cmd, Map<String, String> env, int seconds) throws Exception {
    assertThat(JAR).as("the scraper jar (built by package, before the ITs)").exists();
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.equals("REDIS_URL") || k.equals("STREAM_TOKEN") || k.startsWith("JVC_"));
    pb.environment().put("JVC_SCRAPER_JAR", JAR.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes(); // read to the end: the process cannot block on a full pipe
    assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as(String.join(" ", cmd)).isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
