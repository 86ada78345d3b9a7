package org.xai4j.visualize.objective;

import java.util.Map;
import org.xai4j.tensor.Tensor;

/**
 * What an {@link Objective} reads: the values of model nodes for a batch, and the image being
 * optimized (the parameterization's output before any transformation, Lucid's {@code T("input")}).
 *
 * @param nodes the value of each node the objective reads, each {@code [N, ...]}
 * @param image the image, {@code [N, C, H, W]}, or {@code null} when there is none (for example
 *     when the parameters are a code, not an image)
 * @param batch the batch size N
 */
public record Activations(Map<String, Tensor> nodes, Tensor image, int batch) {
  /** Copies the map and checks that every tensor has N rows. */
  public Activations {
    nodes = Map.copyOf(nodes);
    if (batch < 1) {
      throw new IllegalArgumentException("the batch size must be at least 1, got " + batch);
    }
    for (Map.Entry<String, Tensor> e : nodes.entrySet()) {
      requireBatch(e.getKey(), e.getValue(), batch);
    }
    if (image != null) {
      requireBatch("the image", image, batch);
    }
  }

  /** Activations of model nodes with an image; the batch size is the image's. */
  public static Activations of(Map<String, Tensor> nodes, Tensor image) {
    return new Activations(nodes, image, image.shape().dim(0));
  }

  /**
   * The value of a node.
   *
   * @throws IllegalArgumentException naming the node and the nodes present if it was not read
   */
  public Tensor node(String name) {
    Tensor t = nodes.get(name);
    if (t == null) {
      throw new IllegalArgumentException("node '" + name + "' was not read; read nodes are " + nodes.keySet());
    }
    return t;
  }

  /**
   * The image.
   *
   * @throws IllegalStateException if there is none
   */
  public Tensor requireImage() {
    if (image == null) {
      throw new IllegalStateException("this objective reads the image, but the parameters are not an image");
    }
    return image;
  }

  private static void requireBatch(String what, Tensor t, int batch) {
    if (t.rank() < 1 || t.shape().dim(0) != batch) {
      throw new IllegalArgumentException(what + " has shape " + t.shape() + ", expected a batch of " + batch + " first");
    }
  }
}
