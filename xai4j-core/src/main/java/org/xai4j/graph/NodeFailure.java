package org.xai4j.graph;

import java.util.List;
import org.xai4j.limit.LimitExceededException;
import org.xai4j.tensor.Shape;

/**
 * Turns an op's failure into one message that names the node, its op type and its input shapes;
 * an exceeded limit stays a {@link LimitExceededException}.
 */
final class NodeFailure {
  private NodeFailure() {}

  static IllegalArgumentException wrap(Node node, List<Shape> inputShapes, RuntimeException cause) {
    String context = "node '" + node.name() + "' (" + node.op().type() + ", input shapes " + inputShapes + ")";
    return cause instanceof LimitExceededException limit ? limit.within(context)
        : new IllegalArgumentException(context + ": " + cause.getMessage(), cause);
  }
}
