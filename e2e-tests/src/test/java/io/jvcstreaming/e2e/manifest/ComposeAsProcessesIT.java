package io.jvcstreaming.e2e.manifest;

import io.jvcstreaming.e2e.support.Env;
import io.jvcstreaming.e2e.support.LogTails;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docker/docker-compose.yml run as processes (issue #11), as its header's offline demo runs it
 * ({@code JVC_FORUM_URL=http://simulator:8089/... docker compose --profile demo up}): every service with its
 * environment, command and ports, in depends_on order (a service_healthy dependency waits for the healthcheck),
 * each on a loopback address of its own; published ports, healthchecks, posts in every job's report and every job's
 * results on the dashboard are checked.
 */
// The compose file is checked statically in the default run (helm ComposeFileTest) and the same images' settings run
// as processes through ChartAsProcessesIT; this run of it is long (2.5 min), so e2e-tests/run-long.sh runs it.
@Tag("long")
@ExtendWith(LogTails.class)
class ComposeAsProcessesIT {

  static final String DEMO_FORUM_URL = "http://simulator:8089/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm";

  @Test
  void demoProfile(TestInfo info) throws IOException {
    Path repo = Env.repo();
    Path file = repo.resolve("docker").resolve("docker-compose.yml");
    Map<String, String> variables = new LinkedHashMap<>(dotEnv(file.resolveSibling(".env")));
    variables.put("JVC_FORUM_URL", DEMO_FORUM_URL);
    List<Workload> services = ComposeWorkloads.read(Files.readString(file), variables, Set.of("demo"));
    try (ManifestRun run = new ManifestRun("compose (demo profile)", ChartAsProcessesIT.logDir(info))) {
      for (Workload w : services) {
        Map<Integer, Integer> same = new LinkedHashMap<>();
        w.ports().values().forEach(p -> same.put(p, p));
        run.hosts().service(w.name(), null, w.name(), run.ip(w.name()), same);
      }
      run.note("compose variables: " + variables.keySet() + ", profile demo");
      run.run(repo, services, false);
    }
  }

  /** KEY=VALUE lines of docker/.env, as compose reads them (absent: none). */
  static Map<String, String> dotEnv(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        String l = line.strip();
        int eq = l.indexOf('=');
        if (!l.startsWith("#") && eq > 0) {
          out.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip().replaceAll("^\"(.*)\"$", "$1"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
