package org.xai4j.visualize.density;

/**
 * How {@link AnnealedImportanceSampling} estimates an RBM's log-partition function.
 *
 * @param chains independent annealing runs, at least 2 (default {@link #DEFAULT_CHAINS})
 * @param temperatures intermediate distributions between the base and the machine, at least 1
 *     (default {@link #DEFAULT_TEMPERATURES}); more give a lower-variance, less biased estimate
 * @param seed seeds the base samples and the Gibbs transitions
 */
public record AisSettings(int chains, int temperatures, long seed) {
  /** Default number of annealing runs. */
  public static final int DEFAULT_CHAINS = 64;
  /** Default number of intermediate distributions. */
  public static final int DEFAULT_TEMPERATURES = 1000;
  /** Default seed. */
  public static final long DEFAULT_SEED = 0;

  /** Validates the settings. */
  public AisSettings {
    if (chains < 2 || temperatures < 1) {
      throw new IllegalArgumentException("AIS needs at least 2 chains and 1 temperature, got " + chains + " and "
          + temperatures);
    }
  }

  /** Every default. */
  public static AisSettings defaults() {
    return new AisSettings(DEFAULT_CHAINS, DEFAULT_TEMPERATURES, DEFAULT_SEED);
  }
}
