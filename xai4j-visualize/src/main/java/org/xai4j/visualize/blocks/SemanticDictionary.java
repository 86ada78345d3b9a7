package org.xai4j.visualize.blocks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Olah et al. (2018)'s semantic dictionary of one layer for one image: for each spatial position,
 * the {@code k} channels with the largest activation there (ties by lower channel index), each shown
 * with its feature visualization ({@link FeatureIcons}).
 *
 * @param layer the node
 * @param height positions per column
 * @param width positions per row
 * @param entries per position, row by row, its top channels in decreasing activation
 */
public record SemanticDictionary(String layer, int height, int width, List<List<Entry>> entries) {
  /**
   * One channel at one position.
   *
   * @param channel the channel index
   * @param activation its activation there
   */
  public record Entry(int channel, float activation) {}

  /** Copies the lists. */
  public SemanticDictionary {
    entries = entries.stream().map(List::copyOf).toList();
  }

  /**
   * The dictionary of an activation {@code [C, H, W]}.
   *
   * @throws IllegalArgumentException if the activation is not rank 3 or {@code k} is not in {@code [1, C]}
   */
  public static SemanticDictionary of(String layer, Tensor activation, int k) {
    Shape s = activation.shape();
    if (s.rank() != 3) {
      throw new IllegalArgumentException("a semantic dictionary needs an activation [C, H, W], got " + s);
    }
    int c = s.dim(0);
    if (k < 1 || k > c) {
      throw new IllegalArgumentException("top-k of layer '" + layer + "' needs k in [1, " + c + "], got " + k);
    }
    int positions = s.dim(1) * s.dim(2);
    float[] v = activation.toArray();
    List<List<Entry>> entries = new ArrayList<>(positions);
    Comparator<Entry> order = Comparator.comparingDouble((Entry e) -> -e.activation()).thenComparingInt(Entry::channel);
    for (int p = 0; p < positions; p++) {
      List<Entry> all = new ArrayList<>(c);
      for (int ch = 0; ch < c; ch++) {
        all.add(new Entry(ch, v[ch * positions + p]));
      }
      all.sort(order);
      entries.add(all.subList(0, k));
    }
    return new SemanticDictionary(layer, s.dim(1), s.dim(2), entries);
  }

  /** The entries at position {@code (y, x)}. */
  public List<Entry> at(int y, int x) {
    return entries.get(y * width + x);
  }

  /** Every channel that appears at some position, ascending. */
  public Set<Integer> channels() {
    Set<Integer> all = new TreeSet<>();
    entries.forEach(list -> list.forEach(e -> all.add(e.channel())));
    return all;
  }
}
