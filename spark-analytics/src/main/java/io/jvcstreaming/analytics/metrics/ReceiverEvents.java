package io.jvcstreaming.analytics.metrics;

import io.jvcstreaming.analytics.metrics.ReceiverEvent.Kind;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.api.plugin.PluginContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver's side of its metrics: it runs in an executor, whose counters the driver's metrics endpoint
 * cannot read, so each event is sent to the driver with the executor plugin's {@link PluginContext#send}
 * (asynchronous, fire and forget: never blocks or fails the receiver). Without the plugin (a context recovered
 * from a checkpoint written without it) the events go nowhere.
 */
public final class ReceiverEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ReceiverEvents.class);
  private static volatile PluginContext context;
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private ReceiverEvents() {
  }

  static void attach(PluginContext executorContext) {
    context = executorContext;
  }

  static void detach(PluginContext executorContext) {
    if (context == executorContext) {
      context = null;
    }
  }

  public static void connected(int streamId) {
    send(new ReceiverEvent(streamId, Kind.CONNECTED, -1));
  }

  public static void disconnected(int streamId) {
    send(new ReceiverEvent(streamId, Kind.DISCONNECTED, -1));
  }

  public static void reconnecting(int streamId) {
    send(new ReceiverEvent(streamId, Kind.RECONNECTING, -1));
  }

  public static void stored(int streamId, long seq) {
    send(new ReceiverEvent(streamId, Kind.STORED, seq));
  }

  public static void skipped(int streamId, long posts) {
    send(new ReceiverEvent(streamId, Kind.SKIPPED, posts));
  }

  private static void send(ReceiverEvent event) {
    PluginContext c = context;
    if (c == null) {
      return;
    }
    try {
      c.send(event);
    } catch (IOException | RuntimeException e) {
      if (WARNED.compareAndSet(false, true)) {
        LOG.warn("cannot send receiver metrics to the driver ({}); the driver's receiver figures may lag", e.toString());
      }
    }
  }
}
