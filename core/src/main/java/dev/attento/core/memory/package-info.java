/**
 * Where the float arrays of a training step come from: {@link dev.attento.core.memory.StepArena}
 * hands a shard the arrays of its previous step again instead of new ones, so that a step's
 * activations and gradients are not garbage for the collector to copy and free.
 */
package dev.attento.core.memory;
