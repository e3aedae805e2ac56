/**
 * The test kit shared by every module's tests (a test-scoped dependency, never shipped): a real Redis server per
 * test, waiting on conditions with a deadline instead of sleeping, free ports and scratch directories, a raw
 * line client of the post stream, test posts, and the checker that compares what was streamed with the
 * simulator's {@code /_truth}. One copy of each, so a fix to a helper reaches every test.
 */
package io.jvcstreaming.testkit;
