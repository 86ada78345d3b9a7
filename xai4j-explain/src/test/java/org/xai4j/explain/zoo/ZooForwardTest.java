package org.xai4j.explain.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * Every export of the test zoo imports and reproduces PyTorch's logits to
 * {@value #LOGIT_TOLERANCE} of their largest magnitude, at every exported opset, with the batch
 * axis dynamic.
 */
class ZooForwardTest {
  static final double LOGIT_TOLERANCE = 1e-4;

  static Stream<Arguments> exports() {
    List<Arguments> out = new ArrayList<>();
    for (ZooModel m : ZooModel.all()) {
      for (int opset : m.opsets()) {
        out.add(Arguments.of(m, opset));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} opset {1}")
  @MethodSource("exports")
  void importsAndReproducesPyTorchsLogits(ZooModel model, int opset) {
    Graph g = model.graph(opset);
    assertEquals(-1, g.inputs().get(0).dims()[0], "the batch axis stays dynamic");
    Tensor logits = g.forward(model.input()).output();
    double error = relativeError(logits, model.logits());
    System.out.printf("zoo %s opset %d: %d nodes, logits within %.2e of PyTorch%n", model, opset,
        g.nodes().size(), error);
    assertTrue(error <= LOGIT_TOLERANCE, model + " opset " + opset + ": logits differ by " + error);
  }

  /** {@code max |a - b| / max |b|}. */
  static double relativeError(Tensor a, Tensor b) {
    assertEquals(b.shape(), a.shape());
    double diff = 0;
    double scale = 0;
    for (int i = 0; i < a.size(); i++) {
      diff = Math.max(diff, Math.abs(a.getFlat(i) - b.getFlat(i)));
      scale = Math.max(scale, Math.abs(b.getFlat(i)));
    }
    return diff / scale;
  }
}
