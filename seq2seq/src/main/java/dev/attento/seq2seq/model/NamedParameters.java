package dev.attento.seq2seq.model;

import dev.attento.core.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trainable tensors of a model under hierarchical, stable names such as
 * {@code encoder.layer0.forward.weight_ih}: the names key the safetensors checkpoint and the
 * optimizer state, so they must not change between runs of the same configuration.
 */
public final class NamedParameters {

  private final Map<String, Tensor> byName = new LinkedHashMap<>();

  /** Adds one tensor; a duplicate name is a programming error. */
  public NamedParameters add(String name, Tensor t) {
    if (byName.putIfAbsent(name, t) != null) {
      throw new IllegalStateException("duplicate parameter name " + name);
    }
    return this;
  }

  /** Adds every tensor of {@code group} under {@code prefix + "."}. */
  public NamedParameters addAll(String prefix, Map<String, Tensor> group) {
    group.forEach((name, t) -> add(prefix + "." + name, t));
    return this;
  }

  /** Adds every tensor of another collection under {@code prefix + "."}. */
  public NamedParameters addAll(String prefix, NamedParameters other) {
    return addAll(prefix, other.asMap());
  }

  /** Read-only view in registration order. */
  public Map<String, Tensor> asMap() {
    return Collections.unmodifiableMap(byName);
  }

  /** The tensors in registration order (what optimizers take). */
  public List<Tensor> tensors() {
    return List.copyOf(byName.values());
  }

  /** Total number of scalar parameters. */
  public long count() {
    long n = 0;
    for (Tensor t : byName.values()) {
      n += t.size();
    }
    return n;
  }
}
