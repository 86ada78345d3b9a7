package org.xai4j.visualize.objective;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/** Accumulates weighted values, per-item values and gradients of several objectives. */
final class GradientSum {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private final double[] perItem;
  private final Map<String, float[]> nodes = new LinkedHashMap<>();
  private final Map<String, Shape> shapes = new LinkedHashMap<>();
  private float[] image;
  private Shape imageShape;
  private double value;

  GradientSum(int batch) {
    perItem = new double[batch];
  }

  void add(double weight, ObjectiveValue v) {
    value += weight * v.value();
    double[] items = v.perItem();
    for (int n = 0; n < perItem.length; n++) {
      perItem[n] += weight * items[n];
    }
    for (Map.Entry<String, Tensor> e : v.nodeGradients().entrySet()) {
      Tensor g = e.getValue();
      float[] acc = nodes.computeIfAbsent(e.getKey(), k -> new float[g.size()]);
      shapes.putIfAbsent(e.getKey(), g.shape());
      addScaled(acc, INTERNALS.array(g), weight);
    }
    if (v.imageGradient() != null) {
      if (image == null) {
        image = new float[v.imageGradient().size()];
        imageShape = v.imageGradient().shape();
      }
      addScaled(image, INTERNALS.array(v.imageGradient()), weight);
    }
  }

  ObjectiveValue result() {
    Map<String, Tensor> grads = new LinkedHashMap<>();
    for (Map.Entry<String, float[]> e : nodes.entrySet()) {
      grads.put(e.getKey(), INTERNALS.adopt(shapes.get(e.getKey()), e.getValue()));
    }
    Tensor img = image == null ? null : INTERNALS.adopt(imageShape, image);
    return new ObjectiveValue(value, perItem, grads, img);
  }

  private static void addScaled(float[] acc, float[] g, double weight) {
    float w = (float) weight;
    for (int i = 0; i < acc.length; i++) {
      acc[i] += w * g[i];
    }
  }
}
