package dev.attento.seq2seq.config;

/** The optimizer ({@code training.optimizer}). */
public enum OptimizerKind {
  /** Adam (Kingma &amp; Ba 2015); weight decay is added to the gradient (L2). */
  ADAM,
  /** Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019). */
  ADAMW,
  /** Stochastic gradient descent with momentum 0.9; weight decay is L2. */
  SGD
}
