/**
 * A local jeuxvideo.com forum for tests and the offline demo, following {@code /work/shared/jvc-forum-markup.md}:
 * {@link io.jvcstreaming.simulator.ForumSimulator} wires the world ({@code model}), its pages ({@code render}) and
 * the HTTP front ({@code http}), and keeps the ground truth of every post for the tests. Packages depend downwards
 * only: {@code http} on {@code render} on {@code model} on {@code markup}; {@code pictures} stands alone.
 */
package io.jvcstreaming.simulator;
