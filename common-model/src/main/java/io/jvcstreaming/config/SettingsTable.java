package io.jvcstreaming.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The README settings tables are the user's contract, checked by each module's tests against its {@link Key}s: every
 * setting has its row {@code | `flag` | `VARIABLE` | default ...}, the default cell starting with the default in
 * backticks, or with "unset", "(unset)" or "(required)" for a setting without one. A setting read from the
 * environment only has an empty flag cell.
 */
public final class SettingsTable {

  private SettingsTable() {
  }

  /** @return what the markdown gets wrong, one line per setting; empty when every row is there and true */
  public static <K extends Enum<K> & Key> List<String> problems(String markdown, Class<K> keys) {
    List<String> problems = new ArrayList<>();
    for (K k : keys.getEnumConstants()) {
      Spec s = k.spec();
      String start = "| " + (s.flag() == null ? "" : "`" + s.flag() + "` ") + "| `" + s.env() + "` | ";
      String row = markdown.lines().filter(l -> l.startsWith(start)).findFirst().orElse(null);
      if (row == null) {
        problems.add("no row starting '" + start + "'");
        continue;
      }
      String cell = row.substring(start.length());
      boolean ok = s.defaultValue() == null
          ? cell.startsWith("unset") || cell.startsWith("(unset)") || cell.startsWith("`(unset)`")
              || cell.startsWith("(required)")
          : cell.startsWith("`" + s.defaultValue() + "`");
      if (!ok) {
        problems.add(s.name() + ": default cell '" + cell + "' does not start with "
            + (s.defaultValue() == null ? "unset, (unset) or (required)" : "`" + s.defaultValue() + "`"));
      }
    }
    return problems;
  }
}
