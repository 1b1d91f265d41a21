package dev.attento.core.autodiff;

import dev.attento.core.tensor.Tensor;
import java.util.List;

/**
 * One recorded op in the graph: the inputs it read and the function that sends its output's
 * gradient back to them. The graph is implicit: every non-leaf tensor points to its node,
 * every node to its inputs (micrograd's {@code _prev} and {@code _backward}, on tensors).
 *
 * @param name the op's name, for debugging and error messages
 * @param inputs the tensors the op read that require gradients
 * @param backward sends the output gradient to {@code inputs}
 */
public record Node(String name, List<Tensor> inputs, BackwardFn backward) {}
