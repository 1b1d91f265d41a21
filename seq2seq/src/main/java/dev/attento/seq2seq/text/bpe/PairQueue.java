package dev.attento.seq2seq.text.bpe;

import java.util.Arrays;

/**
 * The pairs of a {@link PairTable} with a non-zero count, most frequent first: an indexed
 * binary heap, so that a pair whose count changed moves in O(log n) instead of the whole table
 * being searched for the next merge. Ties go to the pair whose left symbol, then right symbol,
 * has the smaller id (characters in code point order, then merged symbols in the order they
 * were made), so the result never depends on hashing or input order.
 */
final class PairQueue {

  private final PairTable table;
  private int[] heap = new int[1024];
  private int size;
  private int[] position = new int[1024];
  // The count each queued pair was placed by. The learner changes many counts before it updates
  // their pairs one by one; comparing live counts would break the order of pairs not yet updated.
  private long[] placedCount = new long[1024];

  PairQueue(PairTable table) {
    this.table = table;
    Arrays.fill(position, -1);
  }

  /** The first pair, or -1 if there is none. */
  int peek() {
    return size == 0 ? -1 : heap[0];
  }

  /** Puts {@code pair} where its count now places it: in, moved, or out if its count is 0. */
  void update(int pair) {
    ensureCapacity(pair);
    int at = position[pair];
    placedCount[pair] = table.count(pair);
    if (placedCount[pair] <= 0) {
      if (at >= 0) {
        removeAt(at);
      }
      return;
    }
    if (at < 0) {
      at = size++;
      heap[at] = pair;
      position[pair] = at;
    }
    siftDown(siftUp(at));
  }

  /** Takes {@code pair} out (until its next {@link #update}). */
  void remove(int pair) {
    if (pair < position.length && position[pair] >= 0) {
      removeAt(position[pair]);
    }
  }

  private void removeAt(int at) {
    int pair = heap[at];
    position[pair] = -1;
    size--;
    if (at < size) {
      heap[at] = heap[size];
      position[heap[at]] = at;
      siftDown(siftUp(at));
    }
  }

  private void ensureCapacity(int pair) {
    if (pair >= position.length) {
      int old = position.length;
      position = Arrays.copyOf(position, Math.max(pair + 1, old * 2));
      Arrays.fill(position, old, position.length, -1);
      placedCount = Arrays.copyOf(placedCount, position.length);
    }
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
  }

  /** Whether pair {@code a} comes before pair {@code b}. */
  private boolean before(int a, int b) {
    long ca = placedCount[a];
    long cb = placedCount[b];
    if (ca != cb) {
      return ca > cb;
    }
    if (table.left(a) != table.left(b)) {
      return table.left(a) < table.left(b);
    }
    return table.right(a) < table.right(b);
  }

  private int siftUp(int at) {
    int pair = heap[at];
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (!before(pair, heap[parent])) {
        break;
      }
      place(heap[parent], at);
      at = parent;
    }
    place(pair, at);
    return at;
  }

  private void siftDown(int at) {
    int pair = heap[at];
    while (true) {
      int child = 2 * at + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && before(heap[child + 1], heap[child])) {
        child++;
      }
      if (!before(heap[child], pair)) {
        break;
      }
      place(heap[child], at);
      at = child;
    }
    place(pair, at);
  }

  private void place(int pair, int at) {
    heap[at] = pair;
    position[pair] = at;
  }
}
