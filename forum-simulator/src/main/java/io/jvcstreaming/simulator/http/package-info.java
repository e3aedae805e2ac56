/**
 * The simulator's HTTP front: routes forum paths to replies, injects the forum's faults (latency, challenges, 503,
 * 429, drops, cut pages), answers conditional requests, serves the demo's pictures and the {@code /_} endpoints the
 * tests drive it with (truth, stats, control). Thin: what a page contains is decided below, in {@code render}.
 */
package io.jvcstreaming.simulator.http;
