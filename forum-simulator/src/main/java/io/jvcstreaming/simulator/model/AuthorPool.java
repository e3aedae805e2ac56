package io.jvcstreaming.simulator.model;

import static io.jvcstreaming.simulator.model.Phrases.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The forum's regulars: a fixed pool drawn from the seed alone (its own random stream), so the same pseudos post in
 * every run of a seed whatever else the run does.
 */
final class AuthorPool {

  private static final int SIZE = 160;

  private final List<Author> authors;

  AuthorPool(long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ 0xA17B0125L);
    List<Author> pool = new ArrayList<>(SIZE);
    for (int i = 0; i < SIZE; i++) {
      String stem = pick(r, Phrases.PSEUDO_STEMS);
      String pseudo = switch (r.nextInt(4)) {
        case 0 -> stem + "_" + (10 + r.nextInt(90));
        case 1 -> stem + (1990 + r.nextInt(18));
        case 2 -> stem + "-" + pick(r, List.of("du93", "Sauvage", "Fou", "Triste", "75"));
        default -> "[" + stem + "]" + r.nextInt(10);
      };
      pool.add(new Author(pseudo, r.nextInt(100) < 4));
    }
    this.authors = List.copyOf(pool);
  }

  Author draw(SplittableRandom r) {
    return authors.get(r.nextInt(authors.size()));
  }

  /** The level shown next to a pseudo: stable per pseudo, as on the forum where it changes only slowly. */
  static int level(Author author) {
    return 1 + Math.floorMod(author.pseudo().hashCode(), 60);
  }
}
