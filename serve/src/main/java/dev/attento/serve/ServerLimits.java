package dev.attento.serve;

import java.time.Duration;

/**
 * What the server accepts and how it batches. Every request field is checked against these
 * before any work is queued, and a request over a limit gets a 400 naming the limit.
 *
 * @param maxBodyBytes largest request body; larger ones get 413
 * @param maxSentencesPerRequest most sentences in one {@code texts} list
 * @param maxSentenceChars longest sentence, in characters
 * @param maxBeam largest beam size a request may ask for
 * @param maxNbest most hypotheses per sentence a request may ask for
 * @param maxLength most target tokens a request may ask for (and the default)
 * @param queueCapacity most sentences waiting per model; beyond it requests get 503 with Retry-After
 * @param batchWindowMs how long a batch waits for more sentences after its first; 0 disables
 *     batching: each request is decoded on its own
 * @param maxBatchSize most sentences in one batched decode
 * @param requestTimeout how long a request may wait for its translations before a 504
 * @param continuousBatching whether sentences that an engine can decode continuously (greedy
 *     search) join a running batch between its steps, instead of waiting for the whole batch
 */
public record ServerLimits(long maxBodyBytes, int maxSentencesPerRequest, int maxSentenceChars, int maxBeam,
                           int maxNbest, int maxLength, int queueCapacity, int batchWindowMs, int maxBatchSize,
                           Duration requestTimeout, boolean continuousBatching) {

  /** Checks that every limit is positive (the batch window may be 0). */
  public ServerLimits {
    if (maxBodyBytes < 1 || maxSentencesPerRequest < 1 || maxSentenceChars < 1 || maxBeam < 1 || maxNbest < 1
        || maxLength < 1 || queueCapacity < 1 || batchWindowMs < 0 || maxBatchSize < 1
        || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("every server limit must be positive (the batch window may be 0): " + this);
    }
  }

  /**
   * Limits for a model served to a few people on a small machine: 64 KiB bodies, 64 sentences
   * of up to 1000 characters a request, beam up to 16, 256 queued sentences, batches of up to
   * 32 gathered for 5 ms and decoded in one piece, 30 s per request.
   */
  public static ServerLimits defaults() {
    return new ServerLimits(64 * 1024, 64, 1000, 16, 16, 256, 256, 5, 32, Duration.ofSeconds(30), false);
  }

  /** These limits with another batch window (0 turns batching off). */
  public ServerLimits withBatchWindowMs(int ms) {
    return new ServerLimits(maxBodyBytes, maxSentencesPerRequest, maxSentenceChars, maxBeam, maxNbest, maxLength,
        queueCapacity, ms, maxBatchSize, requestTimeout, continuousBatching);
  }

  /** These limits with another queue capacity. */
  public ServerLimits withQueueCapacity(int sentences) {
    return new ServerLimits(maxBodyBytes, maxSentencesPerRequest, maxSentenceChars, maxBeam, maxNbest, maxLength,
        sentences, batchWindowMs, maxBatchSize, requestTimeout, continuousBatching);
  }

  /** These limits with another maximum batch size. */
  public ServerLimits withMaxBatchSize(int sentences) {
    return new ServerLimits(maxBodyBytes, maxSentencesPerRequest, maxSentenceChars, maxBeam, maxNbest, maxLength,
        queueCapacity, batchWindowMs, sentences, requestTimeout, continuousBatching);
  }

  /** These limits with continuous batching on or off. */
  public ServerLimits withContinuousBatching(boolean on) {
    return new ServerLimits(maxBodyBytes, maxSentencesPerRequest, maxSentenceChars, maxBeam, maxNbest, maxLength,
        queueCapacity, batchWindowMs, maxBatchSize, requestTimeout, on);
  }

  /** These limits with another request timeout. */
  public ServerLimits withRequestTimeout(Duration timeout) {
    return new ServerLimits(maxBodyBytes, maxSentencesPerRequest, maxSentenceChars, maxBeam, maxNbest, maxLength,
        queueCapacity, batchWindowMs, maxBatchSize, timeout, continuousBatching);
  }
}
