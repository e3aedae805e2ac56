package io.jvcstreaming.codec;

import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Wire codec throughput, in posts per second, on a realistic post (accents, emoji, two stickers). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostCodecBenchmark {

  private final Post post = new Post(123_456, 1_320_000_042L, 77_300_123L, "Le café du matin ☕ (sérieux)", "PetitNuage_42",
      Instant.parse("2026-11-25T20:04:33Z"),
      "Moi ! Ça me va très bien, on se retrouve à 20 h devant le cinéma ? Franchement cette saison était "
          + "incroyable 😂😂 et le dernier épisode m'a laissé sans voix, vous en pensez quoi ? "
          + "https://www.jeuxvideo.com/forums/42-51-77300123-1-0-1-0-le-cafe-du-matin.htm",
      List.of("https://image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg",
          "https://image.jeuxvideo.com/stickers/p/st/1kki"),
      "https://www.jeuxvideo.com/forums/42-51-77300123-3-0-1-0-le-cafe-du-matin.htm");
  private final byte[] line = PostCodec.encodeLine(post);

  @Benchmark
  public byte[] encode() {
    return PostCodec.encodeLine(post);
  }

  @Benchmark
  public Post decode() throws MalformedLineException {
    return PostCodec.decode(line, 0, line.length - 1);
  }
}
