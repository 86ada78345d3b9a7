package org.xai4j.visualize.blocks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.xai4j.tensor.Shape;

/**
 * Olah et al. (2018)'s neuron groups: the non-negative factorization of one image's activations at a
 * layer, the matrix {@code [positions x channels]}, into {@code k} groups ({@link Nmf}). A group's
 * spatial factor is where it is active (a mask), its channel factor a direction in the layer's
 * channel space (unit norm), and its attribution the part of activation x gradient its
 * reconstruction carries: {@code sum_{p,c} W[p,g] H[g,c] grad[c,p]}. The attributions of all groups
 * sum to activation x gradient of the reconstructed activations, which equals the layer's total
 * activation x gradient up to the reconstruction error.
 *
 * @param layer the node
 * @param height mask height
 * @param width mask width
 * @param groups the groups, by decreasing attribution
 * @param relativeError {@code ||A - W H|| / ||A||}
 */
public record NeuronGroups(String layer, int height, int width, List<Group> groups, double relativeError) {
  /**
   * One group.
   *
   * @param mask its spatial factor, row by row ({@code height x width})
   * @param direction its channel factor, unit norm
   * @param attribution its share of activation x gradient
   */
  public record Group(float[] mask, float[] direction, double attribution) {}

  /** Copies the list. */
  public NeuronGroups {
    groups = List.copyOf(groups);
  }

  /**
   * Factorizes the activation of {@code g} into groups and attributes each with {@code g}'s gradient.
   *
   * @throws IllegalArgumentException if the activation has negative entries (the layer is not after a
   *     ReLU) or fewer positions or channels than groups
   */
  public static NeuronGroups of(LayerGradient g, Nmf nmf) {
    Shape s = g.activation().shape();
    int c = s.dim(0);
    int positions = s.dim(1) * s.dim(2);
    float[] act = g.activation().toArray();
    float[] grad = g.gradient().toArray();
    double[][] a = new double[positions][c];
    double norm = 0;
    for (int ch = 0; ch < c; ch++) {
      for (int p = 0; p < positions; p++) {
        a[p][ch] = act[ch * positions + p];
        norm += a[p][ch] * a[p][ch];
      }
    }
    Nmf.Result r;
    try {
      r = nmf.factorize(a);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("neuron groups of layer '" + g.layer() + "' " + s + ": " + e.getMessage(), e);
    }
    List<Group> groups = new ArrayList<>();
    for (int k = 0; k < nmf.k(); k++) {
      float[] mask = new float[positions];
      float[] direction = new float[c];
      double attribution = 0;
      for (int p = 0; p < positions; p++) {
        mask[p] = (float) r.w()[p][k];
      }
      for (int ch = 0; ch < c; ch++) {
        direction[ch] = (float) r.h()[k][ch];
        for (int p = 0; p < positions; p++) {
          attribution += r.w()[p][k] * r.h()[k][ch] * grad[ch * positions + p];
        }
      }
      groups.add(new Group(mask, direction, attribution));
    }
    groups.sort(Comparator.comparingDouble(gr -> -gr.attribution()));
    return new NeuronGroups(g.layer(), s.dim(1), s.dim(2), groups, norm > 0 ? r.error() / Math.sqrt(norm) : 0);
  }
}
