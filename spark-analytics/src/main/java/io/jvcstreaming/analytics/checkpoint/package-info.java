/**
 * Where a job's checkpoint lives and what it may hold: one directory per build ({@link
 * io.jvcstreaming.analytics.checkpoint.BuildVersion}), the options that shape its saved state ({@link
 * io.jvcstreaming.analytics.checkpoint.StateShape}), and what is done with the directories of other builds ({@link
 * io.jvcstreaming.analytics.checkpoint.Retention}).
 */
package io.jvcstreaming.analytics.checkpoint;
