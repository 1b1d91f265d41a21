package dev.attento.seq2seq.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The kinds of configuration values: whole numbers, numbers, flags, choices, text and maps. */
public final class ValueTypes {

  /** Longest text value (paths, names, schedules) accepted. */
  static final int MAX_TEXT = 4096;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ValueTypes() {}

  /** Whole numbers from {@code min} to {@code max}, as {@code int}. */
  public static ValueType<Integer> integer(int min, int max) {
    return new Whole<>(min, max, Long::intValue);
  }

  /** Whole numbers from {@code min} to {@code max}, as {@code long}. */
  public static ValueType<Long> longInteger(long min, long max) {
    return new Whole<>(min, max, Long::longValue);
  }

  /** Finite numbers from {@code min} (inclusive or not) up to {@code max} (inclusive or not; infinity: no limit). */
  public static ValueType<Double> number(double min, boolean minInclusive, double max, boolean maxInclusive) {
    return new Decimal(min, minInclusive, max, maxInclusive);
  }

  /** {@code true} or {@code false}. */
  public static ValueType<Boolean> flag() {
    return Flag.INSTANCE;
  }

  /** One of an enum's constants, written as its {@linkplain #configName config name}. */
  public static <E extends Enum<E>> ValueType<E> choice(Class<E> type) {
    List<E> constants = List.of(type.getEnumConstants());
    return new Choice<>(constants, ValueTypes::configName);
  }

  /** One of the given names. */
  public static ValueType<String> oneOf(List<String> names) {
    return new Choice<>(List.copyOf(names), Function.identity());
  }

  /**
   * Text that {@code parse} turns into a value (throwing {@link IllegalArgumentException} when
   * it cannot) and {@code print} turns back; text with control characters is refused.
   */
  public static <T> ValueType<T> text(String typeName, String allowed, Function<String, T> parse,
      Function<T, String> print) {
    return new Text<>(typeName, allowed, parse, print);
  }

  /** A name without spaces (a cell, an attention mechanism, a language), described by {@code allowed}. */
  public static ValueType<String> name(String allowed) {
    return text("name", allowed, ValueTypes::requireName, Function.identity());
  }

  /** A file path. */
  public static ValueType<Path> path(String allowed) {
    return text("path", allowed, Path::of, Path::toString);
  }

  private static String requireName(String text) {
    if (text.isBlank() || text.codePoints().anyMatch(Character::isWhitespace)) {
      throw mismatch();
    }
    return text;
  }

  /** {@code inner}, or {@code null}. */
  public static <T> ValueType<T> nullable(ValueType<T> inner) {
    return new Nullable<>(inner);
  }

  /** A mapping from names to scalar values, read as strings (e.g. a cell's options). */
  public static ValueType<Map<String, String>> stringMap() {
    return StringMap.INSTANCE;
  }

  /** The name an enum constant has in configuration files: lower case, {@code -} for {@code _}. */
  public static String configName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static IllegalArgumentException mismatch() {
    return new IllegalArgumentException("value does not fit its key"); // the caller writes the message
  }

  record Whole<T extends Number>(long min, long max, Function<Long, T> convert) implements ValueType<T> {
    @Override
    public T read(JsonNode node) {
      if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
        throw mismatch();
      }
      return convert.apply(node.longValue());
    }

    @Override
    public JsonNode write(T value) {
      return value instanceof Integer i ? NODES.numberNode(i) : NODES.numberNode(value.longValue());
    }

    @Override
    public boolean accepts(T value) {
      return value != null && value.longValue() >= min && value.longValue() <= max;
    }

    @Override
    public String typeName() {
      return "integer";
    }

    @Override
    public String allowed() {
      return min + " to " + max;
    }

    @Override
    public String expected() {
      return "a whole number from " + allowed();
    }
  }

  record Decimal(double min, boolean minInclusive, double max, boolean maxInclusive)
      implements ValueType<Double> {
    @Override
    public Double read(JsonNode node) {
      if (!node.isNumber() || !accepts(node.doubleValue())) {
        throw mismatch();
      }
      return node.doubleValue();
    }

    @Override
    public JsonNode write(Double value) {
      return NODES.numberNode(value);
    }

    @Override
    public boolean accepts(Double v) {
      return v != null && Double.isFinite(v) && (minInclusive ? v >= min : v > min)
          && (maxInclusive ? v <= max : v < max);
    }

    @Override
    public String typeName() {
      return "number";
    }

    @Override
    public String allowed() {
      String low = (minInclusive ? ">= " : "> ") + show(min);
      return Double.isInfinite(max) ? low : low + " and " + (maxInclusive ? "<= " : "< ") + show(max);
    }

    private static String show(double v) {
      return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String expected() {
      return "a number " + allowed();
    }
  }

  private enum Flag implements ValueType<Boolean> {
    INSTANCE;

    @Override
    public Boolean read(JsonNode node) {
      if (!node.isBoolean()) {
        throw mismatch();
      }
      return node.booleanValue();
    }

    @Override
    public JsonNode write(Boolean value) {
      return NODES.booleanNode(value);
    }

    @Override
    public boolean accepts(Boolean value) {
      return value != null;
    }

    @Override
    public String typeName() {
      return "boolean";
    }

    @Override
    public String allowed() {
      return "true, false";
    }

    @Override
    public String expected() {
      return "true or false";
    }
  }

  private record Choice<T>(List<T> values, Function<T, String> name) implements ValueType<T> {
    @Override
    public T read(JsonNode node) {
      if (node.isTextual()) {
        for (T v : values) {
          if (name.apply(v).equals(node.textValue())) {
            return v;
          }
        }
      }
      throw mismatch();
    }

    @Override
    public JsonNode write(T value) {
      return NODES.textNode(name.apply(value));
    }

    @Override
    public boolean accepts(T value) {
      return values.contains(value);
    }

    @Override
    public String typeName() {
      return "choice";
    }

    @Override
    public String allowed() {
      return String.join(", ", names());
    }

    private List<String> names() {
      return values.stream().map(name).toList();
    }

    @Override
    public String expected() {
      return "one of " + allowed();
    }

    /** The closest name when it is a likely typo (a far one would only repeat the list). */
    @Override
    public String hint(JsonNode node) {
      if (!node.isTextual() || node.textValue().isEmpty()) {
        return "";
      }
      String text = node.textValue();
      String best = ClosestName.closest(text, names());
      int distance = ClosestName.distance(text.toLowerCase(Locale.ROOT), best.toLowerCase(Locale.ROOT));
      return distance <= Math.max(2, text.length() / 3) ? " (did you mean " + best + "?)" : "";
    }
  }

  private record Text<T>(String typeName, String allowed, Function<String, T> parse, Function<T, String> print)
      implements ValueType<T> {
    @Override
    public T read(JsonNode node) {
      if (!node.isTextual() || !plain(node.textValue())) {
        throw mismatch();
      }
      return parse.apply(node.textValue()); // throws IllegalArgumentException when not understood
    }

    @Override
    public JsonNode write(T value) {
      return NODES.textNode(print.apply(value));
    }

    @Override
    public boolean accepts(T value) {
      if (value == null) {
        return false;
      }
      String text = print.apply(value);
      try {
        return plain(text) && parse.apply(text).equals(value);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    @Override
    public String expected() {
      return allowed;
    }
  }

  /**
   * Text a value may hold: not empty, not huge, no control, format or line-separator
   * characters (a path with a newline or a right-to-left override is a mistake or a trick).
   */
  static boolean plain(String text) {
    return !text.isEmpty() && text.length() <= MAX_TEXT && text.codePoints().noneMatch(ValueTypes::invisible);
  }

  private static boolean invisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  private record Nullable<T>(ValueType<T> inner) implements ValueType<T> {
    @Override
    public T read(JsonNode node) {
      return node.isNull() ? null : inner.read(node);
    }

    @Override
    public JsonNode write(T value) {
      return value == null ? NODES.nullNode() : inner.write(value);
    }

    @Override
    public boolean accepts(T value) {
      return value == null || inner.accepts(value);
    }

    @Override
    public String typeName() {
      return inner.typeName();
    }

    @Override
    public String allowed() {
      return inner.allowed() + ", or null";
    }

    @Override
    public String expected() {
      return inner.expected() + ", or null";
    }

    @Override
    public String hint(JsonNode node) {
      return inner.hint(node);
    }
  }

  private enum StringMap implements ValueType<Map<String, String>> {
    INSTANCE;

    @Override
    public Map<String, String> read(JsonNode node) {
      if (!node.isObject()) {
        throw mismatch();
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode v = e.getValue();
        if (!plain(e.getKey()) || !v.isValueNode() || v.isNull() || !plain(v.asText())) {
          throw mismatch();
        }
        out.put(e.getKey(), v.asText());
      }
      return Collections.unmodifiableMap(out);
    }

    @Override
    public JsonNode write(Map<String, String> value) {
      ObjectNode o = NODES.objectNode();
      value.forEach(o::put);
      return o;
    }

    @Override
    public boolean accepts(Map<String, String> value) {
      return value != null && value.entrySet().stream().allMatch(e -> plain(e.getKey()) && plain(e.getValue()));
    }

    @Override
    public String typeName() {
      return "map";
    }

    @Override
    public String allowed() {
      return "name: value pairs";
    }

    @Override
    public String expected() {
      return "a mapping of option names to values (text, numbers or booleans)";
    }
  }
}
