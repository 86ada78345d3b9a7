package org.xai4j.kernel;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Chooses the {@link KernelSupport} once per JVM, on first use, from {@code -Dxai4j.kernels}
 * ({@link KernelChoice}):
 * <ul>
 *   <li>{@code scalar}: the plain-Java kernels;</li>
 *   <li>{@code vector}: the Vector API kernels, failing with the JVM flag to add when
 *       {@value #VECTOR_MODULE} is not readable;</li>
 *   <li>{@code auto} (default): the Vector API kernels when the module is readable and their
 *       start-up {@link ThroughputCheck} passes, else the scalar kernels, logging one line that
 *       says why (and which flag to add).</li>
 * </ul>
 * The vector class is loaded reflectively, so without the module no incubator class is touched.
 */
final class KernelProvider {
  /** The incubator module the vector kernels need. */
  static final String VECTOR_MODULE = "jdk.incubator.vector";
  /** The JVM flag that makes {@value #VECTOR_MODULE} readable. */
  static final String VECTOR_FLAG = "--add-modules=" + VECTOR_MODULE;
  private static final String VECTOR_CLASS = "org.xai4j.kernel.VectorKernelSupport";

  private KernelProvider() {}

  /** Decides on first access; a failed decision is kept and reported on every use. */
  private static final class Holder {
    private static final KernelSupport SUPPORT;
    private static final RuntimeException FAILURE;

    static {
      KernelSupport support = null;
      RuntimeException failure = null;
      try {
        support = select(KernelChoice.parse(System.getProperty(Kernels.PROVIDER_PROPERTY)),
            ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent(), KernelProvider::loadVector,
            ThroughputCheck.standard(), System.getLogger(KernelProvider.class.getName()));
      } catch (IllegalArgumentException | IllegalStateException e) {
        failure = e;
      }
      SUPPORT = support;
      FAILURE = failure;
    }
  }

  /**
   * The chosen kernels.
   *
   * @throws IllegalArgumentException when {@code -Dxai4j.kernels} is invalid or names kernels that cannot be
   *     loaded (the message says which and why): a bad setting, reported as such by the CLI
   */
  static KernelSupport support() {
    if (Holder.FAILURE != null) {
      throw new IllegalArgumentException(Holder.FAILURE.getMessage(), Holder.FAILURE);
    }
    return Holder.SUPPORT;
  }

  /**
   * The decision, with its inputs passed in so that tests can exercise every branch.
   *
   * @param vectorReadable whether {@value #VECTOR_MODULE} is in the boot layer
   * @param vectorFactory builds the vector kernels; may throw {@link UnsupportedOperationException}
   * @param check the start-up throughput check of the vector kernels
   * @param log receives at most one line
   */
  static KernelSupport select(KernelChoice choice, boolean vectorReadable,
      Supplier<KernelSupport> vectorFactory, ThroughputCheck check, System.Logger log) {
    if (choice == KernelChoice.SCALAR) {
      return new ScalarKernelSupport();
    }
    String unavailable = null;
    KernelSupport vector = null;
    if (!vectorReadable) {
      unavailable = "the module " + VECTOR_MODULE + " is not readable; add the JVM flag " + VECTOR_FLAG;
    } else {
      try {
        vector = vectorFactory.get();
      } catch (UnsupportedOperationException e) {
        unavailable = e.getMessage();
      }
    }
    if (vector == null) {
      if (choice == KernelChoice.VECTOR) {
        throw new IllegalStateException("-D" + Kernels.PROVIDER_PROPERTY + "=vector, but the vector kernels"
            + " are unavailable: " + unavailable);
      }
      log.log(System.Logger.Level.WARNING, "xai4j uses its scalar kernels because " + unavailable
          + " (set -D" + Kernels.PROVIDER_PROPERTY + "=scalar to choose them explicitly)");
      return new ScalarKernelSupport();
    }
    ThroughputCheck.Result result = check.run(vector);
    if (result.passed()) {
      return vector;
    }
    String measured = String.format(Locale.ROOT, "the vector kernels reached only %.1f GFLOP/s (need %.1f)"
        + " in a %d ms start-up check, probably a poor JIT compilation", result.bestGflops(),
        check.minGflops(), result.elapsedNanos() / 1_000_000);
    if (choice == KernelChoice.VECTOR) {
      log.log(System.Logger.Level.WARNING, "xai4j keeps its vector kernels as -D" + Kernels.PROVIDER_PROPERTY
          + "=vector asks, although " + measured);
      return vector;
    }
    log.log(System.Logger.Level.WARNING, "xai4j uses its scalar kernels because " + measured
        + " (set -D" + Kernels.PROVIDER_PROPERTY + "=vector to use them anyway)");
    return new ScalarKernelSupport();
  }

  /** Loads {@value #VECTOR_CLASS} reflectively; only called once the module is known to be readable. */
  static KernelSupport loadVector() {
    return instantiate(MethodHandles.lookup(), KernelSupport.class, VECTOR_CLASS);
  }

  /**
   * A new instance of {@code className}, a class of the vector source root implementing
   * {@code type}, by its no-argument constructor as {@code lookup} may call it; only called once
   * the module is known to be readable. An {@link UnsupportedOperationException} from the
   * constructor passes through.
   */
  static <T> T instantiate(MethodHandles.Lookup lookup, Class<T> type, String className) {
    MethodHandle constructor;
    try {
      constructor = lookup.findConstructor(lookup.findClass(className), MethodType.methodType(void.class));
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("cannot load " + className + " although " + VECTOR_MODULE
          + " is readable: " + e, e);
    }
    Object made;
    try {
      made = constructor.invoke();
    } catch (UnsupportedOperationException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot construct " + className + ": " + e, e);
    }
    if (!type.isInstance(made)) {
      throw new IllegalStateException(className + " is not a " + type.getName());
    }
    return type.cast(made);
  }
}
