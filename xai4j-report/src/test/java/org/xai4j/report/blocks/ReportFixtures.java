package org.xai4j.report.blocks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.visualize.blocks.BlocksSettings;
import org.xai4j.visualize.blocks.IconSettings;

/** Shared settings of the report tests: cheap icons, a few input methods. */
final class ReportFixtures {
  private ReportFixtures() {}

  static ReportRequest request(String model, List<String> layers, Integer target, Integer versus, Path cache) {
    Map<String, Attributor> methods = new java.util.LinkedHashMap<>();
    methods.put("gradient", Gradient.plain());
    methods.put("gradient-x-input", GradientTimesInput.plain());
    methods.put("lrp:epsilon-plus-flat", Lrp.of(Composites.epsilonPlusFlat()));
    return new ReportRequest(model, "test image", List.of(), layers, target, versus, methods,
        BlocksSettings.defaults(cache).withIcons(new IconSettings(16, 8, 0)));
  }
}
