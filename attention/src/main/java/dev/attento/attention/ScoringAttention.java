package dev.attento.attention;

import dev.attento.core.ops.Forward;
import dev.attento.core.init.Initialization;
import dev.attento.core.init.Initializers;
import dev.attento.core.ops.MatMul;
import dev.attento.core.ops.Shaping;
import dev.attento.core.ops.Softmax;
import dev.attento.core.tensor.Shapes;
import dev.attento.core.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every mechanism shares: scores → masked softmax → weighted sum of the encoder states
 * (Luong et al. 2015, eqs. 7 and 8's {@code a_t = softmax(score)}, {@code c_t = Σ_s a_t(s) h̄_s}).
 * Subclasses only say how to precompute keys and how to score a query against them.
 */
abstract class ScoringAttention implements Attention {

  private final Map<String, Tensor> parameters = new LinkedHashMap<>();
  protected final int querySize;
  protected final int keySize;

  ScoringAttention(int querySize, int keySize) {
    this.querySize = querySize;
    this.keySize = keySize;
  }

  /**
   * Creates and registers a parameter under its paper name, initialised as PyTorch initialises
   * {@code nn.Linear} weights (uniform in ±1/√fan_in).
   */
  protected final Tensor parameter(Initialization init, String name, int... shape) {
    Tensor t = init.parameter(name, Initializers.linear(), shape);
    parameters.put(name, t);
    return t;
  }

  @Override
  public final Map<String, Tensor> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  /** The source-only part of the score, computed once per batch: {@code [B, S, ?]}. */
  protected abstract Tensor keys(Forward fwd, Tensor states);

  /** Scores {@code [B, S]} of a query {@code [B, querySize]} against prepared keys. */
  protected abstract Tensor scores(Forward fwd, Tensor query, PreparedSource source);

  @Override
  public final PreparedSource prepare(Forward fwd, Tensor encoderStates, Tensor sourceMask) {
    Shapes.requireRank("attention.prepare", encoderStates, 3);
    if (encoderStates.dim(2) != keySize) {
      throw new IllegalArgumentException("attention: encoder states " + Shapes.toString(encoderStates.shape())
          + " do not have key size " + keySize);
    }
    if (sourceMask.rank() != 2 || sourceMask.dim(0) != encoderStates.dim(0) || sourceMask.dim(1) != encoderStates.dim(1)) {
      throw Shapes.mismatch("attention.prepare(mask)", encoderStates, sourceMask);
    }
    return new PreparedSource(encoderStates, sourceMask, keys(fwd, encoderStates));
  }

  @Override
  public final Result attend(Forward fwd, Tensor query, PreparedSource source) {
    if (query.rank() != 2 || query.dim(1) != querySize || query.dim(0) != source.states().dim(0)) {
      throw new IllegalArgumentException("attention: query " + Shapes.toString(query.shape())
          + " does not fit query size " + querySize + " and source " + Shapes.toString(source.states().shape()));
    }
    Tensor weights = Softmax.maskedSoftmax(fwd, scores(fwd, query, source), source.mask());
    return new Result(MatMul.bvm(fwd, weights, source.states()), weights);
  }

  /** {@code keys [B, S, D] · q [B, D]} as scores {@code [B, S]}: one batched matrix–vector product. */
  protected static Tensor dotScores(Forward fwd, Tensor keys, Tensor query) {
    return MatMul.bmv(fwd, keys, query);
  }
}
