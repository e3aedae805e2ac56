/**
 * The dashboard: a Vert.x web server with one browser page showing the Spark jobs' latest tables (POSTed to
 * {@code /api/results}), the scraper's live posts (followed on its stream) and its health (its Prometheus
 * endpoint), pushed to the page over server-sent events. Everything shown was written by forum users, so the
 * URL rules ({@link io.jvcstreaming.dashboard.UrlPolicy}) and the Content-Security-Policy are allow-lists. Only
 * {@link io.jvcstreaming.dashboard.DashboardMain} and {@link io.jvcstreaming.dashboard.DashboardConfig} are
 * public; the rest is package-private.
 */
package io.jvcstreaming.dashboard;
