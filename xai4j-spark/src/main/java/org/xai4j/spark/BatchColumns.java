package org.xai4j.spark;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.xai4j.explain.Attribution;
import org.xai4j.tensor.Tensor;

/**
 * The columns a job appends to each row, computed from one explained batch: explanation summaries
 * ({@link Explain}) or quality metrics ({@link Evaluate}).
 */
interface BatchColumns extends Serializable {
  /** The appended columns: {@code method} first, {@code error} last. */
  StructType appended();

  /**
   * The appended columns of every sample of a batch.
   *
   * @param method the prepared method
   * @param input the batch {@code [N, ...]}
   * @param attribution the method's attribution of the batch
   * @param targets the explained output index of each sample
   * @return one row per sample, in {@link #appended()} order, with a null error
   */
  Row[] of(MethodExplainer method, Tensor input, Attribution attribution, int[] targets);
}
