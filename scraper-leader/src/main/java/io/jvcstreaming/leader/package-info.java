/**
 * Kubernetes Lease leader election for the HA scraper.
 *
 * <p>{@link io.jvcstreaming.leader.LeaseLeadership} is the election itself; {@link io.jvcstreaming.leader.ProcessLeadership}
 * wraps it with the process policy (exit when the lease is lost, release it on SIGTERM). Their public API carries no
 * fabric8 types, so the scraper depends on this module without compiling against fabric8. The fabric8 client runs on
 * the JDK HTTP client ({@code kubernetes-httpclient-jdk}), never on Vert.x or OkHttp: the scraper has its own
 * Vert.x 5.0 and fabric8 8's Vert.x client would want 5.2 (the build's enforcer bans them).
 */
package io.jvcstreaming.leader;
