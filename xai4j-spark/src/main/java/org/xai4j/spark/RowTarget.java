package org.xai4j.spark;

import java.io.Serializable;

/**
 * Which output each row's explanation starts from: the model's largest output
 * ({@link #argmax()}), one class for every row ({@link #fixed}), or a class read from an integer
 * column of the row, such as its label ({@link #column}).
 */
public sealed interface RowTarget extends Serializable {
  /** Each row's largest output. */
  static RowTarget argmax() {
    return new Argmax();
  }

  /**
   * The same output index for every row.
   *
   * @throws IllegalArgumentException if {@code index} is negative
   */
  static RowTarget fixed(int index) {
    return new Fixed(index);
  }

  /** The output index in an integer column of each row. */
  static RowTarget column(String name) {
    return new Column(name);
  }

  /** See {@link RowTarget#argmax()}. */
  record Argmax() implements RowTarget {
    @Override
    public String toString() {
      return "argmax";
    }
  }

  /**
   * See {@link RowTarget#fixed}.
   *
   * @param index the output index
   */
  record Fixed(int index) implements RowTarget {
    /** Rejects a negative index. */
    public Fixed {
      if (index < 0) {
        throw new IllegalArgumentException("a target class must be >= 0, got " + index);
      }
    }

    @Override
    public String toString() {
      return Integer.toString(index);
    }
  }

  /**
   * See {@link RowTarget#column}.
   *
   * @param name an integer column
   */
  record Column(String name) implements RowTarget {
    @Override
    public String toString() {
      return "column " + name;
    }
  }
}
