package org.xai4j.explain.lrp;

import org.xai4j.explain.Attribution;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.Target;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.RuleTable;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Tensor;

/**
 * Test shorthand for the rule tests: LRP of one composite on one graph as it is (prepared once,
 * with and without the seed times the output), and each run with its trace, seed and
 * conservation report.
 */
public final class LrpRun {
  private final Graph graph;
  private final Composite composite;
  private final Explainer timesOutput;
  private final Explainer oneHot;

  private LrpRun(Graph graph, Composite composite) {
    this.graph = graph;
    this.composite = composite;
    this.timesOutput = Lrp.of(composite).prepare(graph);
    this.oneHot = Lrp.of(composite).withSeedTimesOutput(false).prepare(graph);
  }

  /** {@code composite} prepared for {@code graph}. */
  public static LrpRun of(Graph graph, Composite composite) {
    return new LrpRun(graph, composite);
  }

  /** The rule table. */
  public RuleTable rules() {
    return composite.resolve(graph);
  }

  /** The classes {@code targets}, seeded with the target logit. */
  public Result explain(Tensor x, int... targets) {
    return explain(x, Target.classes(targets), true);
  }

  /** {@code target}, its seed times the target value if {@code seedTimesOutput}. */
  public Result explain(Tensor x, Target target, boolean seedTimesOutput) {
    Attribution a = (seedTimesOutput ? timesOutput : oneHot).explain(x, target);
    return new Result(a, target, graph.forward(x));
  }

  /**
   * One run.
   *
   * @param attribution the attribution
   * @param target what was explained
   * @param trace the forward pass
   */
  public record Result(Attribution attribution, Target target, Trace trace) {
    /** Relevance at the input. */
    public Tensor relevance() {
      return attribution.relevance();
    }

    /** Relevance at a value. */
    public Tensor relevanceAt(String value) {
      return attribution.at(value);
    }

    /** The seed placed at the target's value. */
    public Tensor seed() {
      return attribution.at(target.value(attribution.graph()));
    }

    /** The model output. */
    public Tensor output() {
      return attribution.output();
    }

    /** The conservation report. */
    public ConservationReport conservation() {
      return ConservationReport.of(attribution, target);
    }
  }
}
