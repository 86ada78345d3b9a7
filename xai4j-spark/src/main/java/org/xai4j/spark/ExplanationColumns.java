package org.xai4j.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns {@link Explain} appends to every input row, one output row per input row and method.
 * A row that could not be explained has its message in {@link #ERROR} and nulls in every other
 * appended column but {@link #METHOD}.
 */
public final class ExplanationColumns {
  /** {@code string}: the method, as named in the method registry ({@code lrp:epsilon-plus-flat}). */
  public static final String METHOD = "method";
  /** {@code int}: the explained output index. */
  public static final String TARGET = "target";
  /** {@code float}: the model output at the target. */
  public static final String LOGIT = "logit";
  /** {@code array<float>}: the relevance of the sample, row-major, without the batch axis. */
  public static final String RELEVANCE = "relevance";
  /** {@code array<int>}: the shape of {@link #RELEVANCE} (for example {@code [1, 28, 28]}). */
  public static final String RELEVANCE_SHAPE = "relevance_shape";
  /** {@code binary}: the heatmap (relevance summed over channels) as a PNG. */
  public static final String HEATMAP = "heatmap";
  /** {@code double}: the sum of the relevance. */
  public static final String RELEVANCE_SUM = "relevance_sum";
  /**
   * {@code double}: relevance sum / logit; 1 for a method that conserves the explained output
   * (LRP's {@code output * one_hot} seed, gradient x input on a bias-free ReLU network).
   */
  public static final String CONSERVATION = "conservation";
  /** {@code array<int>}: the flat positions ({@code y * W + x}) of the largest heatmap values, largest first. */
  public static final String TOP_K_INDEX = "top_k_index";
  /** {@code array<float>}: the heatmap values at {@link #TOP_K_INDEX}. */
  public static final String TOP_K_RELEVANCE = "top_k_relevance";
  /** {@code string}: why the row could not be explained (null when it was). */
  public static final String ERROR = "error";

  /** The appended columns, in order. */
  static final StructType APPENDED = new StructType(new StructField[] {
      DataTypes.createStructField(METHOD, DataTypes.StringType, false),
      DataTypes.createStructField(TARGET, DataTypes.IntegerType, true),
      DataTypes.createStructField(LOGIT, DataTypes.FloatType, true),
      DataTypes.createStructField(RELEVANCE, DataTypes.createArrayType(DataTypes.FloatType, false), true),
      DataTypes.createStructField(RELEVANCE_SHAPE, DataTypes.createArrayType(DataTypes.IntegerType, false), true),
      DataTypes.createStructField(HEATMAP, DataTypes.BinaryType, true),
      DataTypes.createStructField(RELEVANCE_SUM, DataTypes.DoubleType, true),
      DataTypes.createStructField(CONSERVATION, DataTypes.DoubleType, true),
      DataTypes.createStructField(TOP_K_INDEX, DataTypes.createArrayType(DataTypes.IntegerType, false), true),
      DataTypes.createStructField(TOP_K_RELEVANCE, DataTypes.createArrayType(DataTypes.FloatType, false), true),
      DataTypes.createStructField(ERROR, DataTypes.StringType, true)});

  private ExplanationColumns() {}

  /**
   * {@code input} followed by {@code appended}.
   *
   * @throws IllegalArgumentException naming the column if the input already has one of them
   */
  static StructType append(StructType input, StructType appended) {
    List<String> names = Arrays.asList(input.fieldNames());
    StructType out = input;
    for (StructField f : appended.fields()) {
      if (names.contains(f.name())) {
        throw new IllegalArgumentException("the input already has a column '" + f.name()
            + "'; drop or rename it before explaining");
      }
      out = out.add(f);
    }
    return out;
  }
}
