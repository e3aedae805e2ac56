package io.jvcstreaming.e2e.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The final stage of one of the project's Dockerfiles: its base image, ENV, ENTRYPOINT, CMD and the files it copies
 * from the build stage (in-image path → path in the repository). The image a manifest names runs with that ENV and
 * that entrypoint, so the local process gets them too, read from the file rather than copied into the test.
 */
record Dockerfile(String base, Map<String, String> env, List<String> entrypoint, List<String> cmd,
                  Map<String, Path> copied) {

  private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"([^\"]*)\"|(\\S*))");

  @SuppressWarnings("unchecked")
  static Dockerfile read(Path file, Path repo) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> instructions = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : lines) {
      String l = line.strip();
      if (l.startsWith("#") || (l.isEmpty() && cur.isEmpty())) {
        continue;
      }
      if (l.endsWith("\\")) {
        cur.append(l, 0, l.length() - 1).append(' ');
      } else {
        cur.append(l);
        instructions.add(cur.toString().strip());
        cur.setLength(0);
      }
    }
    String base = null;
    Map<String, String> env = new LinkedHashMap<>();
    List<String> entrypoint = null;
    List<String> cmd = null;
    Map<String, Path> copied = new LinkedHashMap<>();
    for (String ins : instructions) {
      String[] kv = ins.split("\\s+", 2);
      String op = kv[0].toUpperCase();
      String rest = kv.length > 1 ? kv[1] : "";
      switch (op) {
        case "FROM" -> {
          base = rest.split("\\s+")[0];
          env.clear();
          entrypoint = null;
          cmd = null;
          copied.clear();
        }
        case "ENV" -> {
          Matcher m = ENV_PAIR.matcher(rest);
          while (m.find()) {
            env.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(4));
          }
        }
        case "ENTRYPOINT" -> entrypoint = (List<String>) new Yaml().load(rest);
        case "CMD" -> cmd = (List<String>) new Yaml().load(rest);
        case "COPY" -> {
          List<String> words = new ArrayList<>(List.of(rest.split("\\s+")));
          boolean fromBuild = words.stream().anyMatch(w -> w.startsWith("--from="));
          words.removeIf(w -> w.startsWith("--"));
          if (fromBuild && words.size() == 2 && words.get(0).startsWith("/src/")) {
            copied.put(words.get(1), repo.resolve(words.get(0).substring("/src/".length())));
          }
        }
        default -> { }
      }
    }
    return new Dockerfile(base, env, entrypoint, cmd, copied);
  }
}
