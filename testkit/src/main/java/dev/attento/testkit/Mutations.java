package dev.attento.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * Hostile inputs for parsers, as jqwik arbitraries: random bytes, and valid files damaged by
 * a few mutations (bit flips, truncation, inserted or deleted bytes, a 32-bit field set to an
 * extreme value, a duplicated range, a format's own tokens inserted where they do not belong).
 * Random bytes test the first checks; mutated files get past them into the parser's depths,
 * which is where the interesting bugs are.
 */
public final class Mutations {

  /** Values that break size and offset arithmetic when a 32-bit field holds them. */
  private static final List<Integer> EXTREMES = List.of(0, 1, -1, 0x7fffffff, 0x80000000, 0x7ffffff8, 0xffff, 0x10000, 28, 1 << 30);

  private Mutations() {}

  /** Arbitrary bytes, up to {@code maxSize} of them. */
  public static Arbitrary<byte[]> randomBytes(int maxSize) {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
  }

  /** {@code valid} damaged by one to four mutations, some of which insert one of {@code tokens}. */
  public static Arbitrary<byte[]> of(byte[] valid, String... tokens) {
    return mutation(tokens).list().ofMinSize(1).ofMaxSize(4).map(ms -> {
      byte[] b = valid.clone();
      for (Mutation m : ms) {
        b = m.apply(b);
      }
      return b;
    });
  }

  /** A named change of a byte array, named so that jqwik's report of a failure is readable. */
  public record Mutation(String name, UnaryOperator<byte[]> change) {
    byte[] apply(byte[] b) {
      return change.apply(b);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static Arbitrary<Mutation> mutation(String... tokens) {
    // uniform and without edge cases: jqwik favours 0 and small values, which would damage mostly the first bytes
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1).ofScale(6).withDistribution(RandomDistribution.uniform())
        .withoutEdgeCases();
    Arbitrary<Mutation> flip = Combinators.combine(at, Arbitraries.integers().between(1, 255))
        .as((p, x) -> new Mutation("flip " + x + " at " + p, b -> {
          byte[] c = b.clone();
          if (c.length > 0) {
            c[index(p, c.length - 1)] ^= x;
          }
          return c;
        }));
    Arbitrary<Mutation> truncate = at.map(p -> new Mutation("truncate at " + p,
        b -> Arrays.copyOf(b, index(p, b.length))));
    Arbitrary<Mutation> insert = Combinators.combine(at, randomBytes(16))
        .as((p, x) -> new Mutation("insert " + Arrays.toString(x) + " at " + p, b -> splice(b, index(p, b.length), 0, x)));
    Arbitrary<Mutation> delete = Combinators.combine(at, Arbitraries.integers().between(1, 64))
        .as((p, n) -> new Mutation("delete " + n + " at " + p, b -> {
          int i = index(p, b.length);
          return splice(b, i, Math.min(n, b.length - i), new byte[0]);
        }));
    Arbitrary<Mutation> extreme = Combinators.combine(at, Arbitraries.of(EXTREMES), Arbitraries.of(true, false))
        .as((p, v, little) -> new Mutation("int " + v + " at " + p, b -> {
          if (b.length < 4) {
            return b;
          }
          byte[] c = b.clone();
          ByteBuffer.wrap(c).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
              .putInt(index(p, c.length - 4) & ~3, v);
          return c;
        }));
    Arbitrary<Mutation> duplicate = Combinators.combine(at, Arbitraries.integers().between(1, 256))
        .as((p, n) -> new Mutation("duplicate " + n + " at " + p, b -> {
          int i = index(p, b.length);
          return splice(b, i, 0, Arrays.copyOfRange(b, i, Math.min(b.length, i + n)));
        }));
    if (tokens.length == 0) {
      return Arbitraries.oneOf(flip, truncate, insert, delete, extreme, duplicate);
    }
    Arbitrary<Mutation> token = Combinators.combine(at, Arbitraries.of(List.of(tokens)))
        .as((p, t) -> new Mutation("insert '" + t + "' at " + p,
            b -> splice(b, index(p, b.length), 0, t.getBytes(StandardCharsets.UTF_8))));
    return Arbitraries.oneOf(flip, truncate, insert, delete, extreme, duplicate, token, token);
  }

  private static int index(double p, int length) {
    return (int) Math.min(length, Math.floor(p * (length + 1)));
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }
}
