package dev.attento.attention;

import dev.attento.core.init.Initialization;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in mechanisms by user-facing name: {@code bahdanau}, {@code luong-dot},
 * {@code scaled-dot}, {@code luong-general}, {@code luong-concat}. The additive mechanisms
 * use an attention layer as wide as the query.
 */
public final class AttentionMechanisms {

  private AttentionMechanisms() {}

  private record Factory(String name, Builder builder) implements AttentionFactory {
    @Override
    public Attention create(int querySize, int keySize, Initialization init) {
      return builder.build(querySize, keySize, init);
    }
  }

  @FunctionalInterface
  private interface Builder {
    Attention build(int querySize, int keySize, Initialization init);
  }

  /** Every built-in factory. */
  public static List<AttentionFactory> all() {
    return List.of(
        new Factory("bahdanau", (q, k, r) -> new BahdanauAttention(q, k, q, r)),
        new Factory("luong-dot", (q, k, r) -> new LuongDotAttention(q, k, false)),
        new Factory("scaled-dot", (q, k, r) -> new LuongDotAttention(q, k, true)),
        new Factory("luong-general", LuongGeneralAttention::new),
        new Factory("luong-concat", (q, k, r) -> new LuongConcatAttention(q, k, q, r)));
  }

  /** The factory called {@code name}, or an error listing the known names. */
  public static AttentionFactory byName(String name) {
    return byName(name, asMap(all()));
  }

  /** Looks {@code name} up in {@code factories}, with an error listing the known names. */
  public static AttentionFactory byName(String name, Map<String, AttentionFactory> factories) {
    AttentionFactory f = factories.get(name);
    if (f == null) {
      throw new IllegalArgumentException("unknown attention '" + name + "'; available: "
          + String.join(", ", new TreeMap<>(factories).keySet()) + " (or none for a fixed context vector)");
    }
    return f;
  }

  private static Map<String, AttentionFactory> asMap(List<AttentionFactory> factories) {
    Map<String, AttentionFactory> m = new TreeMap<>();
    factories.forEach(f -> m.put(f.name(), f));
    return m;
  }
}
