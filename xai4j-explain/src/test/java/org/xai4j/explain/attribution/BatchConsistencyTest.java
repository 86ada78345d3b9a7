package org.xai4j.explain.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Explaining a batch equals explaining each sample alone, for every method (SmoothGrad with noise too). */
class BatchConsistencyTest {
  private static final float TOL = 1e-6f;

  private static void assertBatchEqualsSamples(Attributor method, Graph g, Tensor x, int[] targets) {
    Attribution batch = method.prepare(g).explain(x, Target.classes(targets));
    for (int n = 0; n < targets.length; n++) {
      Attribution alone = method.prepare(g).explain(x.slice0(n, n + 1), Target.classes(targets[n]));
      assertArrayEquals(alone.relevance().toArray(), batch.sample(n).relevance().toArray(), TOL,
          method + " sample " + n);
    }
  }

  @Test
  void vectorModels() {
    Graph g = TinyNets.mlp();
    Tensor x = Tensor.randomNormal(Shape.of(4, 5), 1f, new Random(21));
    int[] targets = {0, 3, 1, 1};
    for (Attributor m : List.of(Gradient.plain(), Gradient.guidedBackprop(), Gradient.deconvnet(),
        GradientTimesInput.plain(), Sensitivity.plain(), IntegratedGradients.defaults().withInternalBatch(InternalBatch.of(7)),
        SmoothGrad.defaults().withSeed(3), SmoothGrad.defaults().withAggregation(SmoothGrad.Aggregation.VARGRAD)
            .withInternalBatch(InternalBatch.of(3)), Occlusion.of(2))) {
      assertBatchEqualsSamples(m, g, x, targets);
    }
  }

  @Test
  void imageModels() {
    Graph g = TinyNets.imageNet(3, 4, 4, 5, 17);
    Tensor x = Tensor.randomNormal(Shape.of(3, 3, 4, 4), 1f, new Random(22));
    int[] targets = {4, 0, 2};
    for (Attributor m : List.of(Gradient.plain(), Sensitivity.plain(), GradCam.of("act").withUpsampling(true),
        Occlusion.of(3, 2, 2).withStrides(3, 2, 2))) {
      assertBatchEqualsSamples(m, g, x, targets);
    }
  }

  @Test
  void convNet() {
    Graph g = TinyNets.convNet();
    Tensor x = Tensor.randomNormal(Shape.of(3, 1, 6, 6), 1f, new Random(23));
    int[] targets = {2, 2, 0};
    for (Attributor m : List.of(Gradient.guidedBackprop(), Gradient.deconvnet(), GradientTimesInput.plain(),
        IntegratedGradients.defaults().withSteps(8).withInternalBatch(InternalBatch.of(5)), GradCam.of("conv"),
        GradCam.of("pool").withRelu(true).withUpsampling(true))) {
      assertBatchEqualsSamples(m, g, x, targets);
    }
  }
}
