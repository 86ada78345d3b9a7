package org.xai4j.graph;

import java.util.List;
import org.xai4j.tensor.Shape;

/** Turns an op's failure into one message that names the node, its op type and its input shapes. */
final class NodeFailure {
  private NodeFailure() {}

  static IllegalArgumentException wrap(Node node, List<Shape> inputShapes, RuntimeException cause) {
    return new IllegalArgumentException("node '" + node.name() + "' (" + node.op().type()
        + ", input shapes " + inputShapes + "): " + cause.getMessage(), cause);
  }
}
