package io.jvcstreaming.dashboard;

import io.jvcstreaming.codec.Greeting;
import io.jvcstreaming.codec.MalformedLineException;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.codec.StreamProtocol;
import io.jvcstreaming.model.Post;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the scraper's live stream (docs/protocol.md) and keeps the last {@value #KEEP} posts for the
 * page. Reconnects with exponential backoff, because the scraper restarts and moves between pods; asks
 * for {@code LIVE} rather than a resume since the page only ever shows the latest posts.
 */
final class PostFeed {

  static final int KEEP = 200;
  static final long BACKOFF_MIN_MS = 250;
  static final long BACKOFF_MAX_MS = 15_000;
  private static final int TOPIC_LINKS = 2000;

  private static final Logger LOG = LoggerFactory.getLogger(PostFeed.class);

  private final Vertx vertx;
  private final DashboardConfig config;
  private final UrlPolicy urls;
  private final Consumer<JsonObject> onPost;
  private final NetClient client;
  private final Deque<JsonObject> recent = new ArrayDeque<>(KEEP);
  // Exact topic URLs seen in posts, so topic rankings can link to the real page; bounded, oldest out.
  private final Map<Long, String> topicUrls = new LinkedHashMap<>(256, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
      return size() > TOPIC_LINKS;
    }
  };
  private final Map<String, Long> rejected = new HashMap<>();
  private NetSocket socket;
  private long backoffMs = BACKOFF_MIN_MS;
  private boolean stopped;
  private boolean connected;
  private long received;

  public PostFeed(Vertx vertx, DashboardConfig config, UrlPolicy urls, Consumer<JsonObject> onPost) {
    this.vertx = vertx;
    this.config = config;
    this.urls = urls;
    this.onPost = onPost;
    this.client = vertx.createNetClient(new NetClientOptions()
        .setConnectTimeout(5000)
        .setTcpKeepAlive(true)
        .setReconnectAttempts(0));
  }

  /** Starts connecting; never fails (an absent scraper is retried, not fatal). */
  public void start() {
    connect();
  }

  public Future<Void> stop() {
    stopped = true;
    NetSocket s = socket;
    socket = null;
    return (s == null ? Future.<Void>succeededFuture() : s.close()).eventually(client::close);
  }

  /** The kept posts, newest first. */
  public JsonArray recent() {
    JsonArray out = new JsonArray();
    recent.descendingIterator().forEachRemaining(out::add);
    return out;
  }

  public boolean connected() {
    return connected;
  }

  public long received() {
    return received;
  }

  public JsonObject rejected() {
    return new JsonObject(new HashMap<>(rejected));
  }

  /** The URL of a topic as a post gave it, or a forum URL built from its id. */
  public String topicUrl(long topicId) {
    String known = topicUrls.get(topicId);
    return known != null ? known : urls.topicLink(topicId);
  }

  private void connect() {
    if (stopped) {
      return;
    }
    client.connect(config.sourcePort(), config.sourceHost()).onComplete(ar -> {
      if (ar.failed()) {
        LOG.debug("scraper stream {}:{} not reachable: {}", config.sourceHost(), config.sourcePort(),
            ar.cause().toString());
        retryLater();
        return;
      }
      if (stopped) {
        ar.result().close();
        return;
      }
      attach(ar.result());
    });
  }

  private void attach(NetSocket s) {
    socket = s;
    connected = true;
    backoffMs = BACKOFF_MIN_MS;
    LOG.info("following the scraper stream at {}:{}", config.sourceHost(), config.sourcePort());
    StringBuilder hello = new StringBuilder();
    if (config.streamToken() != null) {
      hello.append(StreamProtocol.authLine(config.streamToken()));
    }
    hello.append(StreamProtocol.LIVE).append('\n');
    s.write(hello.toString());
    RecordParser lines = RecordParser.newDelimited("\n")
        .maxRecordSize(PostCodec.MAX_LINE_BYTES + 1)
        .handler(this::onLine)
        .exceptionHandler(e -> {
          // An over-long line: the parser cannot skip it, so drop the connection and start clean.
          count("too-long");
          s.close();
        });
    s.handler(lines);
    s.exceptionHandler(e -> LOG.debug("scraper stream error: {}", e.toString()));
    s.closeHandler(v -> {
      if (socket == s) {
        socket = null;
        connected = false;
        LOG.info("scraper stream closed; reconnecting");
        retryLater();
      }
    });
  }

  private void onLine(Buffer line) {
    byte[] bytes = line.getBytes();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    if (length == 0) {
      return;
    }
    if (StreamProtocol.isControl(bytes, length)) {
      // the v2 greeting (# HELLO ...) and any answer: never posts; LIVE needs no position, so only logged
      String control = new String(bytes, 0, Math.min(length, 300), StandardCharsets.UTF_8);
      if (control.startsWith(StreamProtocol.ERROR_PREFIX)) {
        LOG.warn("scraper stream says: {}", control);
      } else {
        Greeting.parse(control).ifPresent(g -> LOG.info("scraper stream {} holds seq {}..{}", g.streamId(),
            g.oldest(), g.head()));
      }
      return;
    }
    Post post;
    try {
      post = PostCodec.decode(bytes, 0, length);
    } catch (MalformedLineException e) {
      count("malformed");
      return;
    }
    // LIVE never replays, so a reconnect cannot show a post twice: no seq bookkeeping needed.
    received++;
    String link = urls.forumLinkOrNull(post.url());
    if (link != null) {
      topicUrls.put(post.topicId(), link);
    }
    JsonObject view = PostView.of(post, urls);
    if (recent.size() == KEEP) {
      recent.removeFirst();
    }
    recent.addLast(view);
    onPost.accept(view);
  }

  private void count(String reason) {
    rejected.merge(reason, 1L, Long::sum);
  }

  private void retryLater() {
    if (stopped) {
      return;
    }
    long delay = backoffMs;
    backoffMs = Math.min(BACKOFF_MAX_MS, backoffMs * 2);
    vertx.setTimer(delay, id -> connect());
  }
}
