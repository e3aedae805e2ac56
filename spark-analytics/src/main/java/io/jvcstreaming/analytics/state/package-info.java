/**
 * Named, serializable state functions shared by the jobs: {@link io.jvcstreaming.analytics.state.RunningCount}
 * (mapWithState), the windowed reduce and its inverse for trending lists, and {@link io.jvcstreaming.analytics.state.TopN}.
 */
package io.jvcstreaming.analytics.state;
