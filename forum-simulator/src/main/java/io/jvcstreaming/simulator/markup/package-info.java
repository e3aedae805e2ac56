/**
 * The forum's small formats, shared by the generated content ({@code model}) and the pages ({@code render}):
 * HTML escaping as the forum does it, JvCare link obfuscation, Paris-time dates and the forum's URLs. Depends on
 * nothing else of the simulator, which is what keeps {@code model} and {@code render} from importing each other.
 */
package io.jvcstreaming.simulator.markup;
