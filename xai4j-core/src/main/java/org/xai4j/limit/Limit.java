package org.xai4j.limit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A resource limit that xai4j checks, with overflow-safe arithmetic, before it allocates memory
 * for something a file declares: a small hostile model, array or image must fail with a one-line
 * {@link LimitExceededException} naming the limit, never with an {@link OutOfMemoryError}.
 *
 * <p>Each limit has a documented default and is raised (or lowered) with the system property
 * {@code xai4j.limit.<key>}, for example {@code -Dxai4j.limit.tensor-elements=1000000000}; the
 * CLI also accepts {@code --limit <key>=<value>}. The property is read at every check, so a
 * value set at start-up applies to everything that follows. The defaults admit every model and
 * input xai4j is meant for (VGG-16 at batch 64 fits) and refuse what would exhaust a few GB of
 * heap.
 */
public enum Limit {
  /**
   * Elements of one tensor: a declared initializer, a graph input at the shape it is used with, a
   * {@code .npy} array, a decoded image, or the inferred output of any op. Default
   * {@value #DEFAULT_TENSOR_ELEMENTS} (2^28, 1 GiB of float32).
   */
  TENSOR_ELEMENTS("tensor-elements", Limit.DEFAULT_TENSOR_ELEMENTS, "elements"),
  /** Nodes of one graph (ONNX nodes before import, graph nodes after). Default 1,000,000. */
  NODES("nodes", Limit.DEFAULT_NODES, "nodes"),
  /**
   * Pixels (width x height) of one image, checked from the PNG or JPEG header before the image
   * is decoded. Default {@value #DEFAULT_IMAGE_PIXELS} (2^26, 8192 x 8192).
   */
  IMAGE_PIXELS("image-pixels", Limit.DEFAULT_IMAGE_PIXELS, "pixels"),
  /**
   * Bytes of all initializers of one model together, stored inside the model or as external
   * data. Default {@value #DEFAULT_INITIALIZER_BYTES} (2^32, 4 GiB).
   */
  INITIALIZER_BYTES("initializer-bytes", Limit.DEFAULT_INITIALIZER_BYTES, "bytes");

  /** Default of {@link #TENSOR_ELEMENTS}. */
  public static final long DEFAULT_TENSOR_ELEMENTS = 1L << 28;
  /** Default of {@link #NODES}. */
  public static final long DEFAULT_NODES = 1_000_000L;
  /** Default of {@link #IMAGE_PIXELS}. */
  public static final long DEFAULT_IMAGE_PIXELS = 1L << 26;
  /** Default of {@link #INITIALIZER_BYTES}. */
  public static final long DEFAULT_INITIALIZER_BYTES = 1L << 32;
  /** Prefix of the system properties that set the limits. */
  public static final String PROPERTY_PREFIX = "xai4j.limit.";

  private final String key;
  private final long defaultValue;
  private final String unit;

  Limit(String key, long defaultValue, String unit) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.unit = unit;
  }

  /** The name used in properties, messages and the CLI, for example {@code tensor-elements}. */
  public String key() {
    return key;
  }

  /** The system property that sets this limit, {@code xai4j.limit.<key>}. */
  public String property() {
    return PROPERTY_PREFIX + key;
  }

  /** The value used when the property is not set. */
  public long defaultValue() {
    return defaultValue;
  }

  /** What the limit counts, for example {@code elements}. */
  public String unit() {
    return unit;
  }

  /**
   * The limit in force: the system property if set, otherwise the default.
   *
   * @throws IllegalArgumentException naming the property if its value is not a positive whole number
   */
  public long value() {
    String v = System.getProperty(property());
    return v == null ? defaultValue : parse(v);
  }

  private long parse(String v) {
    try {
      long n = Long.parseLong(v.strip().replace("_", ""));
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("-D" + property() + "=" + v + " must be a positive whole number of " + unit);
  }

  /**
   * Checks an amount against the limit.
   *
   * @param amount what the file or computation asks for, in {@link #unit()}s; may be
   *     {@link Long#MAX_VALUE} for an amount that overflowed
   * @param subject what asks for it, for the message (for example {@code "tensor 'W' of shape
   *     [..]"}); only called when the check fails
   * @return {@code amount}
   * @throws LimitExceededException if {@code amount} exceeds the limit
   */
  public long check(long amount, Supplier<String> subject) {
    long limit = value();
    if (amount > limit) {
      throw new LimitExceededException(this, amount, limit, subject.get());
    }
    return amount;
  }

  /** The limit of a key, as in {@code --limit tensor-elements=N}. */
  public static Limit ofKey(String key) {
    for (Limit l : values()) {
      if (l.key.equals(key.strip().toLowerCase(Locale.ROOT))) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown limit '" + key + "'; limits are " + keys());
  }

  /** The keys of all limits, in declaration order. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(Limit::key).toList();
  }
}
