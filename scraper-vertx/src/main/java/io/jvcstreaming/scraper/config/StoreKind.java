package io.jvcstreaming.scraper.config;

import java.util.Locale;

/** Where the post log, the seq counter and the bookmarks live. */
public enum StoreKind {
  /** Redis (the cluster's store: survives the scraper, shared by leader changes). */
  REDIS,
  /** An embedded store under {@code --data-dir} (the one-machine default: survives a restart, kill -9 included). */
  LOCAL,
  /** This process only: explicit, for tests and throw-away runs. */
  MEMORY;

  /**
   * The {@code --store} decision. {@code auto} follows {@code REDIS_URL}; an explicit choice that contradicts it
   * is refused rather than guessed, so nobody believes their posts are in Redis while they are on local disk.
   *
   * @throws IllegalArgumentException naming the keys and what to change
   */
  public static StoreKind resolve(String store, String redisUrl) {
    boolean hasRedis = redisUrl != null && !redisUrl.isBlank();
    String raw = store == null ? "" : store.strip().toLowerCase(Locale.ROOT);
    return switch (raw) {
      case "auto", "" -> hasRedis ? REDIS : LOCAL;
      case "redis" -> {
        if (!hasRedis) {
          throw new IllegalArgumentException("--store redis / JVC_STORE=redis needs --redis-url / REDIS_URL");
        }
        yield REDIS;
      }
      case "local", "memory" -> {
        if (hasRedis) {
          throw new IllegalArgumentException("--store " + raw + " / JVC_STORE=" + raw + " but --redis-url / REDIS_URL is "
              + "set too: unset REDIS_URL, or use --store redis (or auto)");
        }
        yield raw.equals("local") ? LOCAL : MEMORY;
      }
      default -> throw ScraperConfig.invalid(Setting.STORE, "auto, redis, local or memory", store);
    };
  }
}
