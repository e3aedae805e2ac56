package io.jvcstreaming.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What the user knows of one setting: the flag they type, the environment variable, the default ({@code null} =
 * unset), why it exists, and the older names still accepted so existing scripts, charts and compose files keep
 * working.
 *
 * @param flag         the flag, with its leading {@code --}; {@code null} for a setting read from the environment only
 * @param env          the environment variable
 * @param defaultValue the value when neither is given, as the user would type it; {@code null} = unset
 * @param why          one line for {@code --help} and the README table
 * @param aliases      older flags ({@code --...}) and variables accepted as well, each read like the new name; an alias
 *                     ending in {@code _MS}/{@code -ms} takes a bare number as milliseconds (its old meaning)
 * @param isSecret     never printed: {@code (set)} in the start-up log
 * @param isSwitch     a flag that may stand alone, meaning {@code true} ({@code --leader-election})
 */
public record Spec(String flag, String env, String defaultValue, String why, List<String> aliases, boolean isSecret,
                   boolean isSwitch) {

  public Spec {
    if (flag != null && !flag.startsWith("--")) {
      throw new IllegalArgumentException("a flag starts with --: " + flag);
    }
    aliases = List.copyOf(aliases);
  }

  public static Spec of(String flag, String env, String defaultValue, String why) {
    return new Spec(flag, env, defaultValue, why, List.of(), false, false);
  }

  public Spec secret() {
    return new Spec(flag, env, defaultValue, why, aliases, true, isSwitch);
  }

  public Spec switchFlag() {
    return new Spec(flag, env, defaultValue, why, aliases, isSecret, true);
  }

  public Spec alias(String... older) {
    List<String> all = new ArrayList<>(aliases);
    all.addAll(List.of(older));
    return new Spec(flag, env, defaultValue, why, all, isSecret, isSwitch);
  }

  /** The name the user types, for messages and the start-up log: the flag, else the variable. */
  public String name() {
    return flag != null ? flag : env;
  }

  /** {@code --flag / ENV} (or just {@code ENV}), for error messages. */
  public String names() {
    return flag != null ? flag + " / " + env : env;
  }
}
