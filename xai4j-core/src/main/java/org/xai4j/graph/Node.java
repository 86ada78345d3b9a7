package org.xai4j.graph;

import java.util.List;
import org.xai4j.op.Op;

/**
 * One step of a graph: a unique name, the op it applies, and the names of the values it reads
 * (graph inputs or other nodes' outputs). A node has exactly one output, named like the node.
 *
 * @param name unique within the graph
 * @param op the operation
 * @param inputs value names, in the op's input order
 */
public record Node(String name, Op op, List<String> inputs) {
  /** Copies the input list and rejects blank names. */
  public Node {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("node name must not be blank (op " + op.type() + ")");
    }
    inputs = List.copyOf(inputs);
  }

  /** This node with another op (used by graph rewrites such as canonizers). */
  public Node withOp(Op replacement) {
    return new Node(name, replacement, inputs);
  }

  @Override
  public String toString() {
    return name + " = " + op.type() + inputs;
  }
}
