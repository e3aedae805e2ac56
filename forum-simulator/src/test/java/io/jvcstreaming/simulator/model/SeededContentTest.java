package io.jvcstreaming.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A seeded world is the same forum forever: every test, fixture and benchmark relies on it. The expected digests
 * were computed from the single-class {@code ContentGenerator} of commit bbf4970, before it was split, so a
 * refactoring that changes one random draw or one character of markup fails here.
 */
class SeededContentTest {

  private static final Instant ANCHOR = Instant.parse("2026-11-25T21:00:00Z");

  @Test
  void seededWorldsGenerateTheSameContentAsBeforeTheSplit() {
    assertThat(digest(42L, 40, 80)).isEqualTo("cdd320be1cf105f3c38519145c0ce1f2904ffd0c85391b94111d39a3fb2d942d");
    assertThat(digest(7L, 12, 300)).isEqualTo("3b63cb713b9ffe651d6e0fac5f36340fc13acd998522be6ff3f8d74112698158");
  }

  private static String digest(long seed, int topics, int maxPosts) {
    World world = new World(seed);
    ContentGenerator content = new ContentGenerator(seed);
    HistoryGenerator.generate(world, new ForumActivity(world, content), content, seed, topics, maxPosts, ANCHOR, 0L);
    MessageDigest sha = sha256();
    int[] count = {0};
    world.read(() -> {
      for (Message m : world.published()) {
        GeneratedBody b = m.body();
        String line = String.join("\u0001", Long.toString(m.id()), Long.toString(m.topic().id()), m.topic().title(),
            String.valueOf(m.topic().lockReason()), m.author().pseudo(), Boolean.toString(m.author().deletedAccount()),
            Integer.toString(m.level()), m.postedAt().toString(), String.valueOf(m.editedAt()),
            String.valueOf(m.signatureHtml()), b.html(), b.ownHtml(), b.raw(), b.text(), String.join("\u0002",
                b.stickers()), Integer.toString(b.quoteDepth()));
        sha.update(line.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        count[0]++;
      }
      return null;
    });
    assertThat(count[0]).as("posts generated for seed %d", seed).isGreaterThan(100);
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
