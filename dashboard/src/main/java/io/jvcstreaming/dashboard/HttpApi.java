package io.jvcstreaming.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Instant;
import java.util.Locale;


/** The dashboard's HTTP surface: the page, its JSON/SSE feeds and the ingest endpoint for the Spark jobs. */
final class HttpApi {

  /** A batch report is a few KiB; 1 MiB is generous and still bounds what one request can make us hold. */
  public static final long MAX_RESULT_BYTES = 1 << 20;

  /**
   * Nothing but our own scripts, styles and fetches, and images only from the two sticker hosts (or, in the
   * offline demo, only from the picture mirror): even if some forum text slipped into the DOM as markup, it could
   * neither run nor load anything else.
   */
  static String csp(UrlPolicy urls) {
    return "default-src 'self'; img-src 'self' " + urls.imageSources() + "; script-src 'self'; style-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
  }

  private HttpApi() {
  }

  public static Router router(Vertx vertx, DashboardState state, EventHub hub, ResultsAuth auth, UrlPolicy urls) {
    Router router = Router.router(vertx);
    String csp = csp(urls);
    router.route().handler(ctx -> securityHeaders(ctx, csp));

    router.post("/api/results")
        // Before the body handler: a refused request is answered without reading (or buffering) its body.
        .handler(new ResultsAuthHandler(auth, state))
        .handler(BodyHandler.create(false).setBodyLimit(MAX_RESULT_BYTES))
        .handler(ctx -> ingest(ctx, state))
        .failureHandler(ctx -> {
          state.rejected();
          int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
          String message = status == 413 ? "body over " + MAX_RESULT_BYTES + " bytes" : "cannot read the request";
          json(ctx, status, new JsonObject().put("error", message));
        });
    router.get("/api/state").handler(ctx -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      json(ctx, 200, state.snapshot());
    });
    router.get("/api/events").handler(ctx -> {
      if (!hub.open(ctx.response(), state.snapshot())) {
        json(ctx, 503, new JsonObject().put("error", "too many open dashboards"));
      }
    });
    router.get("/health").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
    router.route("/*").handler(StaticHandler.create("webroot")
        .setIndexPage("index.html")
        .setMaxAgeSeconds(60)
        .setDirectoryListing(false)
        .setIncludeHidden(false));
    return router;
  }

  private static void ingest(RoutingContext ctx, DashboardState state) {
    // Requiring a JSON content type makes a cross-site form POST impossible without a CORS preflight,
    // which this server never grants: a web page a user visits cannot forge results.
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
      state.rejected();
      json(ctx, 415, new JsonObject().put("error", "Content-Type must be application/json"));
      return;
    }
    JsonObject result;
    try {
      result = ResultParser.parse(ctx.body().buffer(), Instant.now());
    } catch (InvalidResultException e) {
      state.rejected();
      json(ctx, 400, new JsonObject().put("error", e.getMessage()));
      return;
    }
    if (!state.ingest(result)) {
      json(ctx, 429, new JsonObject().put("error", "too many distinct jobs (max " + ResultStore.MAX_JOBS + ")"));
      return;
    }
    json(ctx, 202, new JsonObject().put("accepted", result.getString("job")));
  }

  private static void securityHeaders(RoutingContext ctx, String csp) {
    ctx.response()
        .putHeader("Content-Security-Policy", csp)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin");
    ctx.next();
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended() || ctx.response().headWritten() && status != 200) {
      return;
    }
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(body.encode());
  }
}
