package org.xai4j.explain.attribution;

import org.xai4j.explain.Explainer;
import org.xai4j.explain.image.Bilinear;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.AxisReduction;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Grad-CAM (Selvaraju et al. 2017) on the output {@code A} of any node with spatial axes
 * {@code [N, C, ...]}: {@code cam = sum_c mean_s(dy/dA_c) * A_c}, shape {@code [N, 1, ...]}.
 *
 * <p>The default is Captum's {@code LayerGradCam}: no ReLU and no upsampling, so the relevance has
 * the layer's spatial shape. {@link #withRelu} clips negative values (the paper, pytorch-grad-cam);
 * {@link #withUpsampling} resizes an image-layer map bilinearly to the input's height and width
 * (pytorch-grad-cam's resize, see {@link Bilinear}). At another value {@code at(v)} gives the same
 * map computed from that value's activations and gradients (same ReLU and upsampling). Note: for an
 * ONNX conv followed by a ReLU the conv node is Captum's pre-ReLU "layer output". Example:
 * {@code GradCam.of("conv2").withRelu(true).prepare(graph).explain(x, Target.argmax())}.
 *
 * @param layer the node whose output is used
 * @param relu whether negative values are clipped to zero
 * @param upsample whether a {@code [N, 1, h, w]} map is resized to the input's {@code [H, W]}
 * @param pass the reverse pass
 */
public record GradCam(String layer, boolean relu, boolean upsample, ReversePass pass)
    implements GradientMethod<GradCam> {
  private static final int MIN_RANK = 3;
  private static final int IMAGE_RANK = 4;

  /** Captum's LayerGradCam on {@code layer}: no ReLU, no upsampling. */
  public static GradCam of(String layer) {
    return new GradCam(layer, false, false, ReversePass.gradient());
  }

  /** This configuration with or without the final ReLU. */
  public GradCam withRelu(boolean on) {
    return new GradCam(layer, on, upsample, pass);
  }

  /** This configuration with or without upsampling to the input size. */
  public GradCam withUpsampling(boolean on) {
    return new GradCam(layer, relu, on, pass);
  }

  @Override
  public GradCam withPass(ReversePass p) {
    return new GradCam(layer, relu, upsample, p);
  }

  @Override
  public Explainer prepare(Graph graph) {
    if (!graph.hasValue(layer)) {
      throw new IllegalArgumentException("Grad-CAM layer '" + layer + "' is not a node of the graph");
    }
    return SinglePass.prepare(this, pass, graph, layer, this::map);
  }

  /** The post-processed map of one value. */
  private Tensor map(String value, Tensor gradients, Tensor activations, Tensor input) {
    Shape s = activations.shape();
    if (s.rank() < MIN_RANK) {
      throw new IllegalArgumentException("Grad-CAM needs a layer output [N, C, spatial...]; '" + value
          + "' has shape " + s);
    }
    Tensor cam = cam(activations, gradients);
    if (relu) {
      cam = cam.map(v -> v > 0f ? v : 0f);
    }
    if (upsample) {
      if (s.rank() != IMAGE_RANK || input.rank() != IMAGE_RANK) {
        throw new IllegalArgumentException("Grad-CAM upsampling needs image layer and input [N, C, H, W]; layer '"
            + value + "' is " + s + ", input " + input.shape());
      }
      cam = Bilinear.resize(cam, input.shape().dim(2), input.shape().dim(3));
    }
    return cam;
  }
  /** {@code sum_c mean_s(G_c) * A_c} for activations and gradients {@code [N, C, ...]}. */
  static Tensor cam(Tensor activations, Tensor gradients) {
    Shape s = activations.shape();
    int n = s.dim(0);
    int c = s.dim(1);
    int inner = s.product(2, s.rank());
    Tensor weights = gradients.reshape(n, c, inner).reduce(2, AxisReduction.MEAN, true);
    return activations.reshape(n, c, inner).mul(weights).reduce(1, AxisReduction.SUM, true).reshape(s.withDim(1, 1));
  }
}
