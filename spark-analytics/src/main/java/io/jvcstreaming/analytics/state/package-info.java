/**
 * Named, serializable state functions shared by the jobs, below them in receive → aggregate → report:
 * {@link io.jvcstreaming.analytics.state.RunningCount} (mapWithState), {@link io.jvcstreaming.analytics.state.BatchAndTotal}
 * (the post total), the windowed reduce and its inverse for trending lists, {@link io.jvcstreaming.analytics.state.Rise}
 * (the trending score, packed with its count), and {@link io.jvcstreaming.analytics.state.ByCountDesc}, the order of
 * every top-N list; and the exactly-once filter every count reads its posts through: {@link
 * io.jvcstreaming.analytics.state.KeepNewPosts} (per-topic {@link io.jvcstreaming.analytics.state.HighWaterMark} in a
 * mapWithState fed with ids only, its {@link io.jvcstreaming.analytics.state.Passes} applied where the posts are read
 * through a {@link io.jvcstreaming.analytics.state.PassTable}).
 */
package io.jvcstreaming.analytics.state;
