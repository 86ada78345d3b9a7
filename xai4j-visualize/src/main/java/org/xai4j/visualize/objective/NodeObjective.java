package org.xai4j.visualize.objective;

import java.util.Set;

/** An objective that reads one node. */
interface NodeObjective extends Objective {
  /** The node read. */
  String node();

  @Override
  default Set<String> nodes() {
    return Set.of(node());
  }
}
