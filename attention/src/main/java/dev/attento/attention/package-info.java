/**
 * Attention mechanisms: given a decoder query and all encoder states, a weight per source
 * position and the weighted average of the states (the context vector). One class per
 * mechanism; all share the {@link dev.attento.attention.Attention} contract, so a decoder
 * works with any of them and a plugin can add more.
 */
package dev.attento.attention;
