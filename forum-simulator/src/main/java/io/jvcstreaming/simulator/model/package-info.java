/**
 * The simulated forum itself: topics, messages and authors ({@link io.jvcstreaming.simulator.model.World}, guarded
 * by one read/write lock), the seeded content generator that writes message bodies with their expected text and
 * stickers, the history generated at start and the live publisher. Knows nothing of pages or HTTP.
 */
package io.jvcstreaming.simulator.model;
