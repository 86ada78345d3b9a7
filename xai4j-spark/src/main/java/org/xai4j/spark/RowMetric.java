package org.xai4j.spark;

import java.io.Serializable;
import java.util.List;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.metric.Continuity;
import org.xai4j.explain.metric.Infidelity;
import org.xai4j.explain.metric.InsertionDeletion;
import org.xai4j.explain.metric.LocalLipschitz;
import org.xai4j.explain.metric.MaxSensitivity;
import org.xai4j.explain.metric.OutputScore;
import org.xai4j.explain.metric.PixelFlipping;
import org.xai4j.explain.metric.RegionOrder;
import org.xai4j.tensor.Tensor;

/**
 * An explanation-quality metric of {@code org.xai4j.explain.metric} as one {@code double} column
 * per row, computed for a batch of samples at once. Metrics of the relevance alone (pixel flipping,
 * insertion, deletion, infidelity) reuse the batch's explanation; robustness metrics (continuity,
 * max-sensitivity, local Lipschitz) explain perturbed copies with the same method. Each uses the
 * library's defaults unless configured here.
 */
public sealed interface RowMetric extends Serializable {
  /** The metric names, as in {@code xai4j evaluate --metric}. */
  List<String> NAMES = List.of("pixel-flipping", "insertion", "deletion", "continuity", "max-sensitivity",
      "infidelity", "local-lipschitz");

  /**
   * The metric of that name with the library's defaults ({@code pixel-flipping}: Samek et al.'s
   * 100 steps of one 9 x 9 region with uniform noise, most relevant first).
   *
   * @throws IllegalArgumentException listing the names if {@code name} is unknown
   */
  static RowMetric named(String name) {
    return switch (name) {
      case "pixel-flipping" -> pixelFlipping(PixelFlipping.defaults());
      case "insertion" -> Standard.INSERTION;
      case "deletion" -> Standard.DELETION;
      case "continuity" -> Standard.CONTINUITY;
      case "max-sensitivity" -> Standard.MAX_SENSITIVITY;
      case "infidelity" -> Standard.INFIDELITY;
      case "local-lipschitz" -> Standard.LOCAL_LIPSCHITZ;
      default -> throw new IllegalArgumentException("unknown metric '" + name + "'; choose from " + NAMES);
    };
  }

  /** AOPC of pixel flipping (most relevant first) with the given configuration's steps, regions and replacement. */
  static RowMetric pixelFlipping(PixelFlipping config) {
    if (config.order() != RegionOrder.MOST_RELEVANT_FIRST || config.score() != OutputScore.RAW) {
      throw new IllegalArgumentException("the aopc column is pixel flipping most relevant first on the raw score, got "
          + config.order() + " on " + config.score());
    }
    return new Aopc(config.steps(), config.perStep(), config.patch(), config.replacement(), config.seed());
  }

  /** The column name. */
  String column();

  /**
   * The metric of every sample.
   *
   * @param relevance the method's relevance of {@code input}
   */
  double[] perSample(Explainer method, Tensor input, int[] classes, Tensor relevance);

  /**
   * See {@link RowMetric#pixelFlipping}; the configuration of {@link PixelFlipping} (a record
   * that Spark cannot ship as it is).
   */
  record Aopc(int steps, int perStep, int patch, org.xai4j.explain.metric.Replacement replacement, long seed)
      implements RowMetric {
    @Override
    public String column() {
      return "aopc";
    }

    @Override
    public double[] perSample(Explainer method, Tensor input, int[] classes, Tensor relevance) {
      return new PixelFlipping(steps, perStep, patch, replacement, RegionOrder.MOST_RELEVANT_FIRST, OutputScore.RAW,
          seed).evaluate(method.graph(), input, classes, relevance).aopcPerSample();
    }
  }

  /** The metrics with the library's defaults, one column each. */
  enum Standard implements RowMetric {
    /** Area under the insertion curve (Petsiuk et al. 2018): higher is better. */
    INSERTION("insertion_auc") {
      @Override
      public double[] perSample(Explainer method, Tensor input, int[] classes, Tensor relevance) {
        return InsertionDeletion.insertion().evaluate(method.graph(), input, classes, relevance).aucPerSample();
      }
    },
    /** Area under the deletion curve (Petsiuk et al. 2018): lower is better. */
    DELETION("deletion_auc") {
      @Override
      public double[] perSample(Explainer method, Tensor input, int[] classes, Tensor relevance) {
        return InsertionDeletion.deletion().evaluate(method.graph(), input, classes, relevance).aucPerSample();
      }
    },
    /** Continuity over shifted copies (Montavon et al. 2018): lower is more continuous. */
    CONTINUITY("continuity") {
      @Override
      public double[] perSample(Explainer method, Tensor input, int[] classes, Tensor relevance) {
        return Continuity.defaults().evaluate(method, input, classes).perSample();
      }
    },
    /** Max-sensitivity (Yeh et al. 2019): lower is more robust. */
    MAX_SENSITIVITY("max_sensitivity") {
      @Override
      public double[] perSample(Explainer method, Tensor input, int[] classes, Tensor relevance) {
        return MaxSensitivity.defaults().evaluate(method, input, classes).perSample();
      }
    },
    /** Infidelity (Yeh et al. 2019): lower is more faithful. */
    INFIDELITY("infidelity") {
      @Override
      public double[] perSample(Explainer method, Tensor input, int[] classes, Tensor relevance) {
        return Infidelity.defaults().evaluate(method.graph(), input, classes, relevance).perSample();
      }
    },
    /** Local Lipschitz estimate: lower is more robust. */
    LOCAL_LIPSCHITZ("local_lipschitz") {
      @Override
      public double[] perSample(Explainer method, Tensor input, int[] classes, Tensor relevance) {
        return LocalLipschitz.defaults().evaluate(method, input, classes).perSample();
      }
    };

    private final String column;

    Standard(String column) {
      this.column = column;
    }

    @Override
    public String column() {
      return column;
    }
  }
}
