/**
 * The forum's pages from the world's state: the topic list and topic pages (markup and the embedded payload of
 * spec §5), pagination, the shared page chrome, and rendered pages cached per version with their validators.
 */
package io.jvcstreaming.simulator.render;
