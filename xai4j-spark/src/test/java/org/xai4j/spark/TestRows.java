package org.xai4j.spark;

import java.util.List;
import org.apache.spark.sql.Row;

/** Array columns of collected rows as Java arrays. */
final class TestRows {
  private TestRows() {}

  static float[] floats(Row row, String column) {
    List<Float> l = row.getList(row.fieldIndex(column));
    float[] f = new float[l.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = l.get(i);
    }
    return f;
  }

  static int[] ints(Row row, String column) {
    List<Integer> l = row.getList(row.fieldIndex(column));
    return l.stream().mapToInt(Integer::intValue).toArray();
  }
}
