/**
 * Numeric kernels: the public facade {@link org.xai4j.kernel.Kernels} (argument checks, then
 * dispatch) and the thread pool {@link org.xai4j.kernel.Parallelism}.
 *
 * <p>API: {@code Kernels}, {@link org.xai4j.kernel.PackedMatrix} and {@code Parallelism}, with the
 * system properties {@code xai4j.kernels} and {@code xai4j.threads}; they check their arguments
 * and work on the caller's arrays, so they need no caller check. Internal, not API:
 * {@link org.xai4j.kernel.Ranges}, public only for xai4j's own ops, and everything else here,
 * which is package-private.
 *
 * <p>Two implementations sit behind the package-private {@code KernelSupport} interface, chosen
 * once per JVM by {@code KernelProvider} from {@code -Dxai4j.kernels=auto|vector|scalar}:
 * <ul>
 *   <li>{@code VectorKernelSupport}, which with the Winograd transform loops of
 *       {@code org.xai4j.op} (loaded through {@link org.xai4j.kernel.Kernels#vectorImplementation}
 *       when these kernels are in use) is the only user of {@code jdk.incubator.vector}. Both live
 *       in their own source root ({@code src/main/java-vector}), compiled by a separate
 *       maven-compiler execution with {@code --add-modules jdk.incubator.vector}, and are loaded
 *       reflectively, so code in {@code src/main/java} cannot refer to incubator classes and
 *       never loads them when the module is absent;</li>
 *   <li>{@code ScalarKernelSupport}, plain Java, the fallback and the reference in parity tests.</li>
 * </ul>
 * Both run the same SGEMM driver ({@code BlockedSgemm}: packing, cache blocking, threads over
 * output tiles) around their own micro-kernel, and the same matrix-vector driver ({@code MatVec}:
 * products with one row or column of C, such as fully connected layers at batch 1, reading the
 * matrix in place) around their own dot and row-combination loops, so they differ only in the
 * innermost loops. A left factor used many times (a convolution's weight) can be packed once with
 * {@link org.xai4j.kernel.Kernels#pack} into a {@link org.xai4j.kernel.PackedMatrix}.
 */
package org.xai4j.kernel;
