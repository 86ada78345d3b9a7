package org.xai4j.visualize.blocks;

import java.nio.file.Path;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.explain.lrp.composite.Composites;

/**
 * What {@link BuildingBlocks} computes per layer.
 *
 * @param topK channels per position in the semantic dictionary
 * @param nmf the factorization into neuron groups
 * @param integratedGradientsSteps Gauss-Legendre points of Integrated Gradients at the layer (0: skip it)
 * @param lrp the LRP rules (composite, canonizer) whose relevance at the layer is shown
 * @param tableChannels rows of the channel-attribution table (the channels of largest |activation x gradient|)
 * @param icons how icons are rendered
 * @param iconCache the folder of the icon cache
 */
public record BlocksSettings(int topK, Nmf nmf, int integratedGradientsSteps, LrpRules lrp, int tableChannels,
    IconSettings icons, Path iconCache) {
  /** Default top-k of the dictionary. */
  public static final int DEFAULT_TOP_K = 4;
  /** Default Integrated Gradients points at the layer. */
  public static final int DEFAULT_IG_STEPS = 16;
  /** Default rows of the channel table. */
  public static final int DEFAULT_TABLE_CHANNELS = 12;

  /** Checks the values. */
  public BlocksSettings {
    if (topK < 1 || integratedGradientsSteps < 0 || tableChannels < 1 || lrp == null || icons == null
        || iconCache == null) {
      throw new IllegalArgumentException("building-blocks settings need top-k >= 1, IG steps >= 0, table rows >= 1, "
          + "LRP rules, icon settings and a cache folder");
    }
  }

  /**
   * Defaults: top 4 channels, 6 groups, 16 IG points, LRP epsilon-plus-flat on the standard canonizers,
   * 12 table rows, {@link IconSettings#defaults()}, cached in {@code cache}.
   */
  public static BlocksSettings defaults(Path cache) {
    return new BlocksSettings(DEFAULT_TOP_K, new Nmf(Nmf.DEFAULT_K, Nmf.DEFAULT_ITERATIONS, 0), DEFAULT_IG_STEPS,
        LrpRules.of(Composites.epsilonPlusFlat()).withCanonizer(Canonizers.standard()), DEFAULT_TABLE_CHANNELS,
        IconSettings.defaults(), cache);
  }

  /** The default cache folder: {@code $XDG_CACHE_HOME/xai4j/icons}, else {@code ~/.cache/xai4j/icons}. */
  public static Path defaultCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("xai4j").resolve("icons");
  }

  /** These settings with another top-k. */
  public BlocksSettings withTopK(int k) {
    return new BlocksSettings(k, nmf, integratedGradientsSteps, lrp, tableChannels, icons, iconCache);
  }

  /** These settings with another factorization. */
  public BlocksSettings withNmf(Nmf other) {
    return new BlocksSettings(topK, other, integratedGradientsSteps, lrp, tableChannels, icons, iconCache);
  }

  /** These settings with other LRP rules. */
  public BlocksSettings withLrp(LrpRules other) {
    return new BlocksSettings(topK, nmf, integratedGradientsSteps, other, tableChannels, icons, iconCache);
  }

  /** These settings with other icon settings. */
  public BlocksSettings withIcons(IconSettings other) {
    return new BlocksSettings(topK, nmf, integratedGradientsSteps, lrp, tableChannels, other, iconCache);
  }
}
