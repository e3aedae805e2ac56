package io.jvcstreaming.dashboard;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate in front of {@code POST /api/results}: lets a request on when {@link ResultsAuth} allows it, otherwise
 * answers 401, counts it and logs it (throttled, never with the header). A security-policy handler so that Vert.x
 * lets it run before the body handler: a refused request's body is never read into memory.
 */
final class ResultsAuthHandler implements SecurityPolicyHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ResultsAuthHandler.class);

  private final ResultsAuth auth;
  private final DashboardState state;
  private final WarnThrottle refusedLog = new WarnThrottle(TimeUnit.SECONDS.toNanos(10));

  ResultsAuthHandler(ResultsAuth auth, DashboardState state) {
    this.auth = auth;
    this.state = state;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ResultsAuth.Outcome outcome = auth.check(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (outcome.allowed()) {
      ctx.next();
      return;
    }
    long refused = state.unauthorized();
    if (refusedLog.shouldLog(System.nanoTime())) {
      // Never the header itself: a wrong token may be a right one for something else.
      LOG.warn("refused POST /api/results from {}: {} ({} refused since start; at most one such line per 10 s)",
          ctx.request().remoteAddress(),
          outcome == ResultsAuth.Outcome.MISSING ? "no bearer token" : "wrong bearer token", refused);
    }
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"jvc-dashboard\"");
    HttpApi.json(ctx, 401, new JsonObject().put("error", "POST /api/results needs 'Authorization: Bearer <token>' "
        + "with the dashboard's results token"));
  }
}
