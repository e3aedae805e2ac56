package io.jvcstreaming.analytics.metrics;

import java.util.Map;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Spark's public plugin API ({@code spark.plugins}, set by the launcher): the driver side registers this job's
 * figures ({@link JobGauges}) in the plugin's metric registry, which Spark's metrics system serves as the source
 * {@code plugin.<this class>} (PrometheusServlet: {@code /metrics/prometheus} on the driver UI); the executor
 * side lets the receivers send their events to the driver ({@link ReceiverEvents}).
 *
 * <p>Why a plugin and not a {@code org.apache.spark.metrics.source.Source}: that trait and
 * {@code SparkEnv.metricsSystem().registerSource} are {@code private[spark]} (public only in the bytecode), and
 * only a plugin gets an executor-to-driver channel.
 */
public final class JobMetricsPlugin implements SparkPlugin {

  /** The prefix of this plugin's metrics in Spark's metrics system, before the metric name. */
  public static final String SOURCE = "plugin." + JobMetricsPlugin.class.getName();

  @Override
  public DriverPlugin driverPlugin() {
    return new DriverSide();
  }

  @Override
  public ExecutorPlugin executorPlugin() {
    return new ExecutorSide();
  }

  /** Registers the gauges (once, when the SparkContext starts) and takes the receivers' events. */
  static final class DriverSide implements DriverPlugin {
    @Override
    public void registerMetrics(String appId, PluginContext context) {
      JobGauges.register(context.metricRegistry(), JobMetrics.current().counts());
    }

    @Override
    public Object receive(Object message) {
      if (message instanceof ReceiverEvent event) {
        JobMetrics.current().receiverEvent(event);
      }
      return null;
    }
  }

  /** Gives the receivers of this executor the way to the driver. */
  static final class ExecutorSide implements ExecutorPlugin {
    private PluginContext context;

    @Override
    public void init(PluginContext context, Map<String, String> extraConf) {
      this.context = context;
      ReceiverEvents.attach(context);
    }

    @Override
    public void shutdown() {
      ReceiverEvents.detach(context);
    }
  }
}
