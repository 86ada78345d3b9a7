package org.xai4j.tensor;

import java.util.function.Function;

/**
 * Zero-copy access to tensor storage for xai4j's own kernels and ops. Internal to xai4j, not API:
 * it can change or disappear in any release.
 *
 * <p>Arrays obtained from {@link #array} must never be written, and arrays passed to
 * {@link #adopt} must not be touched by the caller afterwards; that is what keeps every
 * {@link Tensor} immutable while letting hot loops run on plain {@code float[]}. Code outside
 * xai4j builds tensors with {@link Tensor#of(Shape, float...)} and reads them with
 * {@link Tensor#toArray()}, which copy.
 *
 * <p>A class obtains the accessor once, in a static field, and calls its methods from then on:
 * <pre>{@code
 * private static final TensorInternals INTERNALS = TensorInternals.access();
 * ...
 * float[] x = INTERNALS.array(input);
 * return INTERNALS.adopt(input.shape(), y);
 * }</pre>
 * {@link #access()} checks its caller, as Lucene's {@code VectorizationProvider.getInstance()}
 * does: the class that calls it must be in a package {@code org.xai4j} or below, otherwise it
 * throws an {@link IllegalCallerException}. The check runs once per class, when the field is
 * initialized; the methods themselves check nothing, so a call through the final field of this
 * final class is inlined by the JIT like the static methods it replaced, and hot loops never see
 * the stack walk. The field must be initialized by the class itself, not through a method
 * reference or reflection, whose frames the stack walk skips.
 *
 * <p>The limit: the check looks at package names only, so a class that a user places in an
 * {@code org.xai4j} package passes, and so does reflection on a private field that holds the
 * accessor. It guards against accidental use, not against a determined user. Hiding the class for
 * good needs JPMS: {@code module-info.java} in every module, and this class moved out of the
 * exported package of {@link Tensor} into one exported only to xai4j's own modules, reaching the
 * storage through a hand-over like the JDK's {@code SharedSecrets}. That was not done because
 * Spark, protobuf and other dependencies would then run as automatic modules on the module path,
 * and Surefire would run every module's tests on the module path too; the caller check gives the
 * protection that matters (no accidental use) without that risk.
 */
public final class TensorInternals {
  private static final TensorInternals INSTANCE = new TensorInternals();
  private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final String XAI4J_PACKAGE = "org.xai4j";

  private TensorInternals() {}

  /**
   * The accessor, for a class of xai4j; keep it in a {@code private static final} field.
   *
   * @throws IllegalCallerException when the calling class is not in a package {@code org.xai4j}
   *     or below
   */
  public static TensorInternals access() {
    Class<?> caller = WALKER.getCallerClass();
    String pkg = caller.getPackageName();
    if (!pkg.equals(XAI4J_PACKAGE) && !pkg.startsWith(XAI4J_PACKAGE + ".")) {
      throw new IllegalCallerException(TensorInternals.class.getName() + " is internal to xai4j and cannot"
          + " be used by " + caller.getName() + "; build tensors with Tensor.of(shape, values) and read"
          + " them with Tensor.toArray()");
    }
    return INSTANCE;
  }

  /** The storage of a tensor, row-major; read only. */
  public float[] array(Tensor t) {
    return t.data();
  }

  /**
   * A value computed from {@code t} once and kept with it: the first call for a {@code key} (equal
   * keys are the same entry) runs {@code compute}, later calls, from any thread, return its result.
   * Because tensors are immutable, the value stays valid for the tensor's lifetime and is freed
   * with it; a modified copy is a different tensor and computes its own. Used for data that
   * kernels derive from constant weights, such as a convolution's packed weight.
   *
   * @param key identifies the derived value; must implement {@code equals} and {@code hashCode} (a record)
   * @param type the value's class
   * @param compute builds the value from the tensor; must not call {@code derived} on the same tensor
   */
  public <V> V derived(Tensor t, Object key, Class<V> type, Function<Tensor, ? extends V> compute) {
    return t.derived(key, type, compute);
  }

  /** Wraps a freshly computed array as a tensor without copying; the caller gives the array up. */
  public Tensor adopt(Shape shape, float[] data) {
    return new Tensor(shape, data);
  }
}
