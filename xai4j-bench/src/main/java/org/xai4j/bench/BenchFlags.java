package org.xai4j.bench;

/** Settings shared by the benchmarks. */
final class BenchFlags {
  /** Makes the Vector API kernels available in the forked JVMs. */
  static final String VECTOR = "--add-modules=jdk.incubator.vector";
  /** Seed of all benchmark inputs and weights. */
  static final long SEED = 42L;

  private BenchFlags() {}
}
