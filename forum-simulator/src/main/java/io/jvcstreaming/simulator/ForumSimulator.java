package io.jvcstreaming.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.simulator.http.Backend;
import io.jvcstreaming.simulator.http.ControlCommand;
import io.jvcstreaming.simulator.http.ForumRoutes;
import io.jvcstreaming.simulator.http.RequestStats;
import io.jvcstreaming.simulator.http.SimulatorVerticle;
import io.jvcstreaming.simulator.http.TruthLines;
import io.jvcstreaming.simulator.markup.ForumUrls;
import io.jvcstreaming.simulator.model.ContentGenerator;
import io.jvcstreaming.simulator.model.ForumActivity;
import io.jvcstreaming.simulator.model.HistoryGenerator;
import io.jvcstreaming.simulator.model.LivePublisher;
import io.jvcstreaming.simulator.model.Message;
import io.jvcstreaming.simulator.model.SimClock;
import io.jvcstreaming.simulator.model.World;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local jeuxvideo.com forum 51 following {@code jvc-forum-markup.md}, with a ground truth of every post.
 * Start it, point a scraper at {@link #listUrl()}, compare what it streams with {@link #truth()}.
 */
public final class ForumSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ForumSimulator.class);
  private static final int SERVER_INSTANCES = 2;
  private static final long START_TIMEOUT_SECONDS = 30;

  private final SimulatorConfig config;
  private final World world;
  private final LivePublisher publisher;
  private final ForumRoutes routes;
  private final RequestStats stats = new RequestStats();
  private final long startedAtMillis = System.currentTimeMillis();
  private volatile Faults faults;
  private Vertx vertx;
  private LiveDriver liveDriver;
  private int port;

  private ForumSimulator(SimulatorConfig config) {
    this.config = config;
    this.faults = config.faults();
    this.world = new World(config.seed());
    ContentGenerator content = new ContentGenerator(config.seed());
    ForumActivity activity = new ForumActivity(world, content);
    SimClock clock = config.live() ? SimClock.wall() : SimClock.frozen();
    HistoryGenerator.generate(world, activity, content, config.seed(), config.topics(), config.maxPostsPerTopic(),
        clock.anchor(), startedAtMillis);
    if (config.live()) {
      // a restarted live simulator publishes new posts, never reuses the ids of the one before it
      world.write(() -> {
        world.liveIdsAfterClock(System.currentTimeMillis());
        return null;
      });
    }
    this.publisher = new LivePublisher(world, activity, clock, config.maxPostsPerTopic(), config.seed());
    this.routes = new ForumRoutes(world, clock);
  }

  /** Generates the forum, binds the port (0 = ephemeral) and returns once it serves; live mode starts publishing. */
  public static ForumSimulator start(SimulatorConfig config) {
    ForumSimulator sim = new ForumSimulator(config);
    try {
      sim.listen();
    } catch (RuntimeException e) {
      sim.close();
      throw e;
    }
    if (config.live()) {
      sim.liveDriver = new LiveDriver(sim.publisher, config.liveRate());
      sim.liveDriver.start();
    }
    LOG.info("forum simulator: {} topics, {} posts, {} at {}", config.topics(), sim.truthSize(),
        config.live() ? config.liveRate() + " posts/s" : "static", sim.listUrl());
    return sim;
  }

  private void listen() {
    vertx = Vertx.vertx();
    Backend backend = new SimulatorBackend();
    // Port 0 would give each instance its own random port; a negative port makes Vert.x pick one random port
    // shared by all instances, which then spread connections over their event loops.
    int listenPort = config.port() == 0 ? -1 : config.port();
    List<SimulatorVerticle> instances = new java.util.concurrent.CopyOnWriteArrayList<>();
    await(vertx.deployVerticle(() -> {
      SimulatorVerticle v = new SimulatorVerticle(backend, config.host(), listenPort);
      instances.add(v);
      return v;
    }, new DeploymentOptions().setInstances(SERVER_INSTANCES)));
    port = instances.get(0).actualPort();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the simulator", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("simulator failed to start: " + e.getMessage(), e);
    }
  }

  public int port() {
    return port;
  }

  public String listUrl() {
    return origin() + ForumUrls.listPage(1);
  }

  /** {@code http://127.0.0.1:port} (a wildcard bind address is reached through loopback). */
  public String origin() {
    String host = config.host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = "127.0.0.1";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port;
  }

  public SimulatorConfig config() {
    return config;
  }

  /** Every post ever published, in publication order (index = seq), with its moderation state now. */
  public List<TruthPost> truth() {
    return truthSince(0);
  }

  private List<TruthPost> truthSince(long since) {
    String origin = origin();
    return world.read(() -> {
      List<Message> published = world.published();
      List<TruthPost> out = new ArrayList<>((int) Math.max(0, published.size() - since));
      for (int i = (int) Math.min(since, published.size()); i < published.size(); i++) {
        Message m = published.get(i);
        Post post = new Post(m.seq(), m.id(), m.topic().id(), m.topic().title(), m.author().displayed(), m.postedAt(),
            m.body().text(), m.body().stickers(), origin + m.topic().pageUrl(1));
        out.add(new TruthPost(post, m.publishedAtMillis(), m.deleted()));
      }
      return out;
    });
  }

  private int truthSize() {
    return world.read(() -> world.published().size());
  }

  public Faults faults() {
    return faults;
  }

  public void setFaults(Faults faults) {
    this.faults = java.util.Objects.requireNonNull(faults, "faults");
  }

  public void deleteTopic(long topicId) {
    world.write(() -> world.deleteTopic(topicId));
  }

  /** Undoes {@link #deleteTopic}: the topic answers again and is back on the list (see {@code World.restoreTopic}). */
  public void restoreTopic(long topicId) {
    world.write(() -> world.restoreTopic(topicId));
  }

  public void deleteMessage(long messageId) {
    world.write(() -> world.deleteMessage(messageId));
  }

  /** Publishes {@code count} posts now (replies and new topics, never moderation): same seed, same posts. */
  public void publishNow(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    publisher.publish(count, false);
  }

  /** Forum response counts by status, as served so far. */
  public Map<String, Long> requestStats() {
    return stats.snapshot();
  }

  @Override
  public void close() {
    if (liveDriver != null) {
      liveDriver.close();
    }
    if (vertx != null) {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("simulator did not stop cleanly: {}", e.toString());
      }
      vertx = null;
    }
  }

  private String statsJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      world.read(() -> {
        try {
          g.writeNumberField("topics", world.visibleTopicCount());
          g.writeNumberField("deletedTopics", world.deletedTopicCount());
          g.writeNumberField("posts", world.published().size());
          g.writeNumberField("deleted", world.deletedCount());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return null;
      });
      g.writeNumberField("liveRate", config.liveRate());
      g.writeNumberField("uptimeMillis", System.currentTimeMillis() - startedAtMillis);
      g.writeObjectFieldStart("requests");
      for (Map.Entry<String, Long> e : stats.snapshot().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeFieldName("faults");
      g.writeRawValue(ControlCommand.toJson(faults));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private final class SimulatorBackend implements Backend {
    @Override
    public ForumRoutes routes() {
      return routes;
    }

    @Override
    public Faults faults() {
      return faults;
    }

    @Override
    public void control(ControlCommand command) {
      setFaults(command.faults());
      command.deleteTopics().forEach(ForumSimulator.this::deleteTopic);
      command.deleteMessages().forEach(ForumSimulator.this::deleteMessage);
      command.restoreTopics().forEach(ForumSimulator.this::restoreTopic);
    }

    @Override
    public byte[] truth(long since) {
      return TruthLines.encode(truthSince(since));
    }

    @Override
    public String statsJson() {
      return ForumSimulator.this.statsJson();
    }

    @Override
    public RequestStats stats() {
      return stats;
    }
  }
}
