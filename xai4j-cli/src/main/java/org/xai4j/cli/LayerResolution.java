package org.xai4j.cli;

import java.util.Map;
import java.util.Optional;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.attribution.GradCam;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The resolution of a Grad-CAM map that is not upsampled: its layer's height and width, inferred from the input's
 * shape ({@link Graph#inferShapes}, no computation) before anything is explained, so that {@code explain} and {@code evaluate} check a map
 * smaller than the input up front (a map at a layer's resolution renders as it is, enlarged by whole pixels).
 */
final class LayerResolution {
  private static final int IMAGE_RANK = 4;

  private LayerResolution() {}

  /**
   * The map size {@code [h, w]} of {@code method} on {@code graph} for the input batch {@code x}, if the method is
   * Grad-CAM without upsampling on an image layer of an image input and that size differs from the input's.
   */
  static Optional<int[]> smallerMap(Attributor method, Graph graph, Tensor x) {
    if (!(method instanceof GradCam cam) || cam.upsample() || x.rank() != IMAGE_RANK || !graph.hasValue(cam.layer())) {
      return Optional.empty();
    }
    Shape layer = graph.inferShapes(Map.of(graph.inputs().get(0).name(), x.shape())).get(cam.layer());
    if (layer.rank() != IMAGE_RANK || layer.dim(2) == x.shape().dim(2) && layer.dim(3) == x.shape().dim(3)) {
      return Optional.empty();
    }
    return Optional.of(new int[] {layer.dim(2), layer.dim(3)});
  }

  /** {@code "grad-cam:relu2 gives relu2's 14x14 map"}, for messages. */
  static String describe(String method, Attributor a, int[] size) {
    return method + " gives " + ((GradCam) a).layer() + "'s " + size[0] + "x" + size[1] + " map";
  }
}
