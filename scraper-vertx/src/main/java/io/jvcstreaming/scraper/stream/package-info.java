/**
 * Stream, the last stage: the window of recent posts and the TCP server that serves it as NDJSON to every client
 * after the protocol v2 handshake (docs/protocol.md). {@code StreamSession} decides the handshake; the verticle
 * wires sockets, timers and metrics to it.
 */
package io.jvcstreaming.scraper.stream;
