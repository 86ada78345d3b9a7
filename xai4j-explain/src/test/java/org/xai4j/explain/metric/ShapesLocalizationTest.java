package org.xai4j.explain.metric;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xai4j.data.Shapes;
import org.xai4j.data.ShapesData;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.Sensitivity;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.models.ShapesHeldOut;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.tensor.Tensor;

/**
 * Localization on the bundled shapes-cnn and 100 images of its held-out set ({@link ShapesHeldOut}, seed 2) with their
 * object masks. The baseline is a uniform map, whose relevance mass accuracy is the mask's share
 * of the image. Measured (share 0.101): relevance mass accuracy / rank accuracy / pointing game
 * for sensitivity 0.204 / 0.178 / 0.38, gradient x input 0.110 / 0.106 / 0.24, LRP EpsilonPlusFlat
 * 0.344 / 0.344 / 0.60, deep Taylor 0.325 / 0.320 / 0.59. Asserted: the LRP composites put more
 * than twice the uniform share of their positive relevance on the object, and more than gradient x
 * input, which is barely above the uniform share.
 */
class ShapesLocalizationTest {
  static final int IMAGES = 100;

  @Test
  void lrpLocalizesTheObject() {
    Graph g = BundledModelFiles.load("shapes-cnn");
    ShapesData data = Shapes.generate(IMAGES, ShapesHeldOut.SEED);
    Tensor x = data.images().images();
    int[] classes = Classes.argmax(g, x);
    double share = data.masks().mean();
    Map<String, Attributor> methods = new LinkedHashMap<>();
    methods.put("sensitivity", Sensitivity.plain());
    methods.put("gradient-x-input", GradientTimesInput.plain());
    methods.put("lrp:epsilon-plus-flat", Lrp.of(Composites.epsilonPlusFlat()));
    methods.put("lrp:deep-taylor", Lrp.of(Composites.deepTaylor()));
    Map<String, Localization.Result> r = new LinkedHashMap<>();
    methods.forEach((k, m) -> r.put(k, Localization.defaults().evaluate(
        m.prepare(g).explain(x, Target.classes(classes)).relevance(), data.masks())));
    StringBuilder sb = new StringBuilder("shapes-cnn localization, mask share " + share + ":");
    r.forEach((k, v) -> sb.append(String.format(" %s mass %.3f rank %.3f pointing %.2f;", k, v.meanMassAccuracy(),
        v.meanRankAccuracy(), v.pointingAccuracy())));
    System.out.println(sb);
    for (String lrp : new String[] {"lrp:epsilon-plus-flat", "lrp:deep-taylor"}) {
      double mass = r.get(lrp).meanMassAccuracy();
      assertTrue(mass > 2 * share, lrp + " mass " + mass + " vs uniform " + share);
      assertTrue(mass > r.get("gradient-x-input").meanMassAccuracy(), sb.toString());
    }
  }
}
