package org.xai4j.explain.metric;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The order in which a perturbation metric removes (or inserts) regions: by relevance, highest
 * first (MoRF, Samek et al. 2017) or lowest first (LeRF), or at random (the baseline every
 * explanation must beat). Ties keep the region order.
 */
public enum RegionOrder {
  /** Most relevant first (MoRF). */
  MOST_RELEVANT_FIRST("most relevant first"),
  /** Least relevant first (LeRF). */
  LEAST_RELEVANT_FIRST("least relevant first"),
  /** A random permutation per sample, independent of the relevance. */
  RANDOM("random order");

  private final String label;

  RegionOrder(String label) {
    this.label = label;
  }

  /** The order in words, for tables and plot titles ("most relevant first"). */
  public String label() {
    return label;
  }

  /** The region indices of each sample in this order; RANDOM draws from {@code random}. */
  int[][] order(double[][] regionScores, Random random) {
    int[][] out = new int[regionScores.length][];
    for (int b = 0; b < regionScores.length; b++) {
      double[] s = regionScores[b];
      Integer[] idx = IntStream.range(0, s.length).boxed().toArray(Integer[]::new);
      switch (this) {
        case MOST_RELEVANT_FIRST -> Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -s[i]));
        case LEAST_RELEVANT_FIRST -> Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> s[i]));
        case RANDOM -> shuffle(idx, random);
      }
      out[b] = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  private static void shuffle(Integer[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
