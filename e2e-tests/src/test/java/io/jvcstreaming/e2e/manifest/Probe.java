package io.jvcstreaming.e2e.manifest;

import java.util.List;

/**
 * A readiness/liveness probe (k8s) or a healthcheck (compose), with the port already resolved to a number.
 *
 * @param role    "readiness", "liveness" or "healthcheck"
 * @param kind    how it checks
 * @param path    HTTP path (HTTP only)
 * @param port    the container port (HTTP/TCP)
 * @param command the command (EXEC only), as the manifest gives it
 */
record Probe(String role, Kind kind, String path, int port, List<String> command) {

  enum Kind { HTTP, TCP, EXEC }

  String describe() {
    return role + " " + switch (kind) {
      case HTTP -> "httpGet :" + port + path;
      case TCP -> "tcpSocket :" + port;
      case EXEC -> "exec " + command;
    };
  }
}
