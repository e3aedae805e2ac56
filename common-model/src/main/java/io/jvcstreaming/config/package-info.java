/**
 * The one settings pattern every module uses: each module lists its settings in an enum of {@link
 * io.jvcstreaming.config.Spec}s (flag, environment variable, default, why), and {@link
 * io.jvcstreaming.config.Settings} resolves them (default, then variable, then flag), generates {@code --help} and the
 * start-up log under the flag names people type, and reports a bad value naming the flag, the variable and what is
 * accepted. Durations have one format ({@link io.jvcstreaming.config.Durations}); README tables are checked against
 * the enums by {@link io.jvcstreaming.config.SettingsTable}. Lives here because every runnable module depends on it.
 */
package io.jvcstreaming.config;
