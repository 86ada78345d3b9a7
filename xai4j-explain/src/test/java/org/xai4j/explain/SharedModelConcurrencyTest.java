package org.xai4j.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.attribution.GradCam;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.attribution.Occlusion;
import org.xai4j.explain.attribution.Sensitivity;
import org.xai4j.explain.attribution.SmoothGrad;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.lrp.BoxBound;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Flatten;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * One model shared by {@value #THREADS} threads that all start at once: every method family gives the same bits as
 * a single-threaded run on a separate copy of the model. The shared model is fresh, so the threads also race on the
 * lazy packing of the convolution and linear weights (packed on first use and kept with the weight tensor). Even
 * threads share one {@link Explainer} per method prepared on the shared model, odd threads prepare their own on it.
 */
class SharedModelConcurrencyTest {
  private static final int THREADS = 8;
  private static final long SEED = 11;

  /** Conv (3 -> 8, 3x3) -> ReLU -> max pool -> batch norm -> conv (8 -> 8) -> ReLU -> flatten -> linear -> 5. */
  private static Graph cnn() {
    GraphBuilder b = Graph.builder().seed(SEED);
    String x = b.input("input", -1, 3, 12, 12);
    String c1 = b.relu("relu1", b.conv2d("conv1", x, 3, 8, 3, 1, 1));
    String p = b.maxPool2d("pool", c1, 2, 2, 0);
    String c2 = b.relu("relu2", b.conv2d("conv2", b.batchNorm("bn", p, 8), 8, 8, 3, 1, 1));
    String f = b.add("flatten", new Flatten(), c2);
    return b.output(b.linear("fc", f, 8 * 6 * 6, 5)).build();
  }

  private static Map<String, Attributor> methods() {
    Map<String, Attributor> m = new LinkedHashMap<>();
    m.put("gradient", Gradient.plain());
    m.put("sensitivity", Sensitivity.plain());
    m.put("gradient-x-input", GradientTimesInput.plain());
    m.put("integrated-gradients", IntegratedGradients.defaults().withSteps(6));
    m.put("smoothgrad", SmoothGrad.defaults().withSamples(5));
    m.put("deconvnet", Gradient.deconvnet());
    m.put("guided-backprop", Gradient.guidedBackprop());
    m.put("grad-cam", GradCam.of("relu2").withUpsampling(true));
    m.put("occlusion", Occlusion.of(3, 4, 4).withStrides(3, 4, 4));
    for (String name : Composites.NAMES) {
      m.put("lrp:" + name, Lrp.of(LrpRules.of(Composites.byName(name, BoxBound.scalar(-2f), BoxBound.scalar(2f)))
          .withCanonizer(Canonizers.standard())));
    }
    return m;
  }

  @Test
  void everyMethodGivesTheSameBitsOnAModelSharedByEightThreads() throws Exception {
    Tensor x = Tensor.randomNormal(Shape.of(2, 3, 12, 12), 1f, new Random(5));
    Target target = Target.classes(1, 3);
    Map<String, Attributor> methods = methods();
    Map<String, float[]> reference = new LinkedHashMap<>();
    Graph own = cnn();
    methods.forEach((name, a) -> reference.put(name, a.prepare(own).explain(x, target).relevance().toArray()));

    Graph shared = cnn();
    Map<String, Explainer> prepared = new LinkedHashMap<>();
    methods.forEach((name, a) -> prepared.put(name, a.prepare(shared)));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Map<String, float[]>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        boolean prepareOwn = t % 2 == 1;
        List<String> order = new ArrayList<>(methods.keySet());
        Collections.shuffle(order, new Random(t));
        results.add(pool.submit(() -> {
          start.await();
          Map<String, float[]> r = new LinkedHashMap<>();
          for (String name : order) {
            Explainer e = prepareOwn ? methods.get(name).prepare(shared) : prepared.get(name);
            r.put(name, e.explain(x, target).relevance().toArray());
          }
          return r;
        }));
      }
      start.countDown();
      for (Future<Map<String, float[]>> f : results) {
        Map<String, float[]> r = f.get();
        assertEquals(reference.keySet().size(), r.size());
        reference.forEach((name, expected) -> assertArrayEquals(expected, r.get(name), name));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
