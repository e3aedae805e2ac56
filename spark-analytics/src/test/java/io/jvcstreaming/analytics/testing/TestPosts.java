package io.jvcstreaming.analytics.testing;

import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Known posts and their expected counts, computed here from what was generated (independently of the
 * tokenizer and of Spark): the words put into a text are known as they are written.
 */
public final class TestPosts {

  public static final List<String> AUTHORS = List.of("PetitNuage_42", "Risitas", "risitas", "AYAAA", "Pseudo supprimé",
      "Kheyou");
  /** For {@code --pseudo}: matches Risitas, risitas and AYAAA. */
  public static final String PSEUDOS = "RISITAS,ayaaa";
  public static final List<String> STICKERS = List.of(
      "https://image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg",
      "https://image.noelshack.com/fichiers/2016/24/1466366197-risitas10.png",
      "https://image.jeuxvideo.com/stickers/p/1kki",
      "https://image.jeuxvideo.com/stickers/p/1kkr");
  public static final Map<Long, String> TOPICS = Map.of(77300123L, "Le café du matin", 77300124L, "Ayaaa les khey",
      77300125L, "[SÉRIEUX] Conseils", 77300126L, "Le café du matin");
  /** Word as written in the text, word as counted (lower case, punctuation stripped). */
  private static final String[][] COUNTED = {
      {"Éléphant", "éléphant"}, {"éléphant!", "éléphant"}, {"CHÂTEAU,", "château"}, {"boulangerie", "boulangerie"},
      {"peut-être", "peut-être"}, {"œuvres", "œuvres"}, {"soirée…", "soirée"}, {"(ahiiiiii)", "ahiiiiii"},
      {"«Incroyable»", "incroyable"}, {"l'homme-orchestre", "homme-orchestre"}};
  /** Never counted: short words, URLs, sticker codes, emoji, digits, punctuation. */
  private static final String[] NOISE = {"forêt", "chat", "https://www.jeuxvideo.com/forums/0-51-0-1-0-1-0-blabla.htm",
      "www.noelshack.com/abcdefgh", ":noel:", "[[sticker:p/1kki]]", "😂😂", "!!!", "123456789", "l'", "ça", "—", "🇫🇷",
      "http://image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg"};

  private final Random random;
  private long nextSeq;
  private final Map<String, Long> authors = new HashMap<>();
  private final Map<String, Long> pseudos = new HashMap<>();
  private final Map<String, Long> stickers = new HashMap<>();
  private final Map<String, Long> words = new HashMap<>();
  private final Map<String, Long> topics = new HashMap<>();
  private long posts;

  public TestPosts(long seed) {
    this.random = new Random(seed);
  }

  public List<Post> next(int n) {
    List<Post> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }

  public Post next() {
    long seq = nextSeq++;
    String author = AUTHORS.get(random.nextInt(AUTHORS.size()));
    long topicId = 77300123L + random.nextInt(TOPICS.size());
    StringBuilder text = new StringBuilder();
    int tokens = random.nextInt(12);
    for (int t = 0; t < tokens; t++) {
      if (random.nextBoolean()) {
        String[] w = COUNTED[random.nextInt(COUNTED.length)];
        text.append(w[0]);
        words.merge(w[1], 1L, Long::sum);
      } else {
        text.append(NOISE[random.nextInt(NOISE.length)]);
      }
      text.append(random.nextInt(5) == 0 ? "\n" : " ");
    }
    List<String> used = new ArrayList<>();
    int n = random.nextInt(4);
    for (int s = 0; s < n; s++) {
      String sticker = STICKERS.get(random.nextInt(STICKERS.size()));
      used.add(sticker);
      stickers.merge(sticker, 1L, Long::sum);
    }
    authors.merge(author, 1L, Long::sum);
    String lower = author.toLowerCase(Locale.ROOT);
    if (lower.equals("risitas") || lower.equals("ayaaa")) {
      pseudos.merge(lower, 1L, Long::sum);
    }
    topics.merge(Long.toString(topicId), 1L, Long::sum);
    posts++;
    return new Post(seq, 1_320_000_000L + seq, topicId, TOPICS.get(topicId), author,
        Instant.parse("2026-11-25T20:00:00Z").plusSeconds(seq), text.toString(), used,
        "https://www.jeuxvideo.com/forums/42-51-" + topicId + "-1-0-1-0-t.htm");
  }

  public Map<String, Long> authors() {
    return Map.copyOf(authors);
  }

  public Map<String, Long> pseudos() {
    return Map.copyOf(pseudos);
  }

  public Map<String, Long> stickers() {
    return Map.copyOf(stickers);
  }

  public Map<String, Long> words() {
    return Map.copyOf(words);
  }

  /** By topic id (the JSON key of the topics job). */
  public Map<String, Long> topics() {
    return Map.copyOf(topics);
  }

  public long posts() {
    return posts;
  }

  /** Expected counts of one job by its report name. */
  public Map<String, Long> expected(String job) {
    return switch (job) {
      case "authors" -> authors();
      case "pseudo" -> pseudos();
      case "stickers" -> stickers();
      case "words" -> words();
      case "topics" -> topics();
      default -> throw new IllegalArgumentException(job);
    };
  }
}
