package org.xai4j.visualize.render;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.BackwardResult;
import org.xai4j.backprop.NodeRules;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Tensor;

/**
 * Hidden nodes of a model read as a differentiable function of its input: the building block of
 * every objective that {@link GradientAscent} maximizes through a network.
 *
 * <p>{@link #read} runs only the nodes the read nodes depend on ({@link Graph#forward(Map,
 * java.util.Collection)}): a channel of VGG-16's {@code relu4_3} never computes {@code conv5} or
 * the classifier. {@link Reading#inputGradient} is the one reverse pass ({@link Backprop#run})
 * seeded at those hidden nodes, without parameter gradients: convolutions skip their weight
 * gradients and the pass stops at the input. It keeps only the signal at the graph inputs, so that
 * ReLUs fuse into the convolutions, pools and dense layers that read them.
 */
public final class ModelReadout {
  private final Graph graph;
  private final List<String> nodes;

  private ModelReadout(Graph graph, List<String> nodes) {
    this.graph = graph;
    this.nodes = nodes;
  }

  /**
   * A readout of these values (node outputs or graph inputs) of a graph.
   *
   * @throws IllegalArgumentException if the list is empty or a name is not a value of the graph
   */
  public static ModelReadout of(Graph graph, List<String> nodes) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a model readout needs at least one node to read");
    }
    for (String n : nodes) {
      if (!graph.hasValue(n)) {
        throw new IllegalArgumentException("no node named '" + n + "' in the graph (outputs: " + graph.outputs() + ")");
      }
    }
    return new ModelReadout(graph, List.copyOf(nodes));
  }

  /** The graph read. */
  public Graph graph() {
    return graph;
  }

  /** The values read, in the order given. */
  public List<String> nodes() {
    return nodes;
  }

  /** Runs the graph (which must have one input) up to the read nodes. */
  public Reading read(Tensor input) {
    return new Reading(graph.forward(input, nodes));
  }

  /** Runs the graph up to the read nodes from named inputs. */
  public Reading read(Map<String, Tensor> feeds) {
    return new Reading(graph.forward(feeds, nodes));
  }

  /** One forward pass up to the read nodes, and the reverse passes that start at them. */
  public static final class Reading {
    private final Trace trace;

    private Reading(Trace trace) {
      this.trace = trace;
    }

    /** The value of a read node (or of any node it depends on). */
    public Tensor activation(String node) {
      return trace.get(node);
    }

    /** The recorded partial forward pass. */
    public Trace trace() {
      return trace;
    }

    /**
     * The gradient at the graph's only input of {@code sum over seeds of <seed, value>}: the one
     * reverse pass seeded at those nodes, no parameter gradients.
     *
     * @param seeds for each seeded node, the gradient of the objective with respect to its value
     */
    public Tensor inputGradient(Map<String, Tensor> seeds) {
      return backward(seeds).atInput();
    }

    /**
     * The reverse pass seeded at those nodes, for graphs with several inputs: it keeps the signal
     * at every graph input ({@link BackwardResult#at}); hidden values may be fused away.
     */
    public BackwardResult backward(Map<String, Tensor> seeds) {
      Set<String> inputs = trace.graph().inputs().stream().map(GraphInput::name).collect(Collectors.toSet());
      return Backprop.run(trace, seeds, NodeRules.none(), false, inputs);
    }
  }
}
