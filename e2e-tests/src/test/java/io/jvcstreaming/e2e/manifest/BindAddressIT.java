package io.jvcstreaming.e2e.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.e2e.support.Env;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The defect class the chart/compose runs exist for, on a server made for it: one bound to 127.0.0.1 fails its
 * probe on its pod address with the bind-address diagnosis, the same server bound to 0.0.0.0 passes.
 */
class BindAddressIT {

  private static final String SERVER = """
      import java.net.*;
      public class Server {
        public static void main(String[] a) throws Exception {
          try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(a[0], Integer.parseInt(a[1])));
            while (true) { s.accept().close(); }
          }
        }
      }
      """;

  @Test
  void aServerOnLoopbackFailsItsProbeOnThePodAddressAndOneOnTheWildcardPasses(TestInfo info) throws IOException {
    Path logDir = ChartAsProcessesIT.logDir(info);
    Files.createDirectories(logDir);
    Path source = Files.writeString(logDir.resolve("Server.java"), SERVER);
    int loopbackPort = Env.freePort();
    int wildcardPort = Env.freePort();
    Workload onLoopback = server("on-loopback", loopbackPort);
    Workload onWildcard = server("on-wildcard", wildcardPort);
    PortPlan ports = new PortPlan(List.of(new PortPlan.Claim("on-loopback", loopbackPort, "port"),
        new PortPlan.Claim("on-wildcard", wildcardPort, "port")));
    try (LocalStack stack = new LocalStack(logDir, ports)) {
      LocalStack.Started a = stack.start(onLoopback, "127.0.100.1", local(source, "127.0.0.1", loopbackPort));
      LocalStack.Started b = stack.start(onWildcard, "127.0.100.2", local(source, "0.0.0.0", wildcardPort));
      Duration bound = LocalStack.READY.plusSeconds(30);
      assertThat(a.ready().orTimeout(bound.toSeconds(), TimeUnit.SECONDS).join()).isFalse();
      assertThat(b.ready().orTimeout(bound.toSeconds(), TimeUnit.SECONDS).join()).isTrue();
      assertThat(stack.findings()).singleElement().asString()
          .contains("on-loopback readiness tcpSocket :" + loopbackPort)
          .contains("listens on 127.0.0.1:" + loopbackPort + " only, not on its pod address 127.0.100.1");
      assertThat(stack.checked()).contains("on-wildcard readiness tcpSocket :" + wildcardPort + " on 127.0.100.2: ok");
    }
  }

  private static Workload server(String name, int port) {
    return new Workload(name, "test", List.of(), List.of(), Map.of(), Map.of("tcp", port),
        List.of(new Probe("readiness", Probe.Kind.TCP, null, port, null)), Map.of(), Map.of(), 0, null);
  }

  private static LocalMapping.Local local(Path source, String bind, int port) {
    return new LocalMapping.Local(List.of(Env.java(), source.toString(), bind, Integer.toString(port)),
        Map.of("PATH", "/usr/bin:/bin"), List.of());
  }
}
