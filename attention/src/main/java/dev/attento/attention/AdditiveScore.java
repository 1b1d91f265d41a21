package dev.attento.attention;

import dev.attento.core.ops.Forward;
import dev.attento.core.ops.Activations;
import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;

/**
 * The additive score {@code e[b, s] = Σ_a v[a]·tanh(keys[b, s, a] + q[b, a])} as one fused op:
 * composing it from ops would first copy the projected query S times to broadcast it over the
 * source positions. Used by Bahdanau and Luong-concat attention.
 */
final class AdditiveScore {

  private AdditiveScore() {}

  /**
   * @param keys {@code [B, S, A]}: the projected encoder states
   * @param query {@code [B, A]}: the projected decoder query
   * @param v {@code [A]}
   * @return {@code [B, S]}
   */
  static Tensor score(Forward fwd, Tensor keys, Tensor query, Tensor v) {
    int batch = keys.dim(0);
    int srcLen = keys.dim(1);
    int a = keys.dim(2);
    if (query.rank() != 2 || query.dim(0) != batch || query.dim(1) != a || v.size() != a) {
      throw Shapes.mismatch("additiveScore", keys, query);
    }
    float[] k = keys.data();
    float[] q = query.data();
    float[] w = v.data();
    float[] act = new float[k.length];
    float[] e = new float[batch * srcLen];
    for (int b = 0; b < batch; b++) {
      for (int s = 0; s < srcLen; s++) {
        int base = (b * srcLen + s) * a;
        double sum = 0;
        for (int j = 0; j < a; j++) {
          float t = Activations.tanh(k[base + j] + q[b * a + j]);
          act[base + j] = t;
          sum += w[j] * t;
        }
        e[b * srcLen + s] = (float) sum;
      }
    }
    return fwd.record("additiveScore", Tensor.of(e, batch, srcLen), (g, into) -> {
      float[] gk = into.wants(keys) ? into.of(keys) : null;
      float[] gq = into.wants(query) ? into.of(query) : null;
      float[] gv = into.wants(v) ? into.of(v) : null;
      for (int b = 0; b < batch; b++) {
        for (int s = 0; s < srcLen; s++) {
          int base = (b * srcLen + s) * a;
          float ge = g[b * srcLen + s];
          for (int j = 0; j < a; j++) {
            float t = act[base + j];
            float d = ge * w[j] * (1 - t * t);
            if (gk != null) {
              gk[base + j] += d;
            }
            if (gq != null) {
              gq[b * a + j] += d;
            }
            if (gv != null) {
              gv[j] += ge * t;
            }
          }
        }
      }
    }, keys, query, v);
  }
}
