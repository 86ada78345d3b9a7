package org.xai4j.visualize.objective;

/** Resolves a spatial index of an objective: a given one is checked, a missing one is the centre. */
final class Position {
  private Position() {}

  static int resolve(Integer given, int size, String axis, String node, Objective objective) {
    if (given == null) {
      return size / 2;
    }
    if (given < 0 || given >= size) {
      throw new IllegalArgumentException(objective.description() + ": " + axis + " " + given + " is outside [0, " + size
          + ") of node '" + node + "'");
    }
    return given;
  }
}
