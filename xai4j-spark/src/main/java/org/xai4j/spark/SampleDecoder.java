package org.xai4j.spark;

import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.xai4j.explain.image.ImageInput;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Turns one input row into one model input {@code [1, ...]} and its target class, or into the
 * one-line reason why it cannot be explained: undecodable content, a shape the model does not
 * take, a colour image for a grey model, a non-finite value, a missing or out-of-range target.
 */
final class SampleDecoder {
  private static final int IMAGE_RANK = 4;
  private static final int RGB = 3;

  private final InputSource source;
  private final StructType schema;
  private final ImageInput images;
  private final RowTarget target;
  private final GraphInput modelInput;
  private final int outputs;

  SampleDecoder(InputSource source, StructType schema, ImageInput images, RowTarget target, Graph graph) {
    this.source = source;
    this.schema = schema;
    this.images = images;
    this.target = target;
    this.modelInput = graph.inputs().get(0);
    Shape out = graph.inferShapes(Map.of(modelInput.name(), modelInput.shapeForBatch(1))).get(graph.outputs().get(0));
    this.outputs = out.size();
  }

  /**
   * A decoded row.
   *
   * @param input the sample {@code [1, ...]}, or null if the row has an error
   * @param target the class to explain, or null for the argmax
   * @param error why the row cannot be explained, or null
   */
  record Sample(Tensor input, Integer target, String error) {}

  Sample decode(Row row) {
    try {
      InputSource.Decoded d = source.decode(row, schema, images);
      return new Sample(fit(d), targetOf(row), null);
    } catch (IllegalArgumentException e) {
      return new Sample(null, null, e.getMessage());
    }
  }

  private Tensor fit(InputSource.Decoded d) {
    Tensor x = d.sample();
    int rank = modelInput.dims().length;
    if (x.rank() == rank - 1) {
      int[] dims = new int[rank];
      dims[0] = 1;
      for (int i = 1; i < rank; i++) {
        dims[i] = x.shape().dim(i - 1);
      }
      x = x.reshape(dims);
    }
    int[] want = modelInput.dims();
    if (d.grey() && x.rank() == IMAGE_RANK && x.shape().dim(1) == RGB && want.length == IMAGE_RANK && want[1] == 1) {
      x = firstChannel(x);
    }
    if (x.rank() != rank || x.shape().dim(0) != 1 || !modelInput.accepts(x.shape())) {
      boolean colourForGrey = !d.grey() && x.rank() == IMAGE_RANK && x.shape().dim(1) == RGB
          && want.length == IMAGE_RANK && want[1] == 1;
      throw new IllegalArgumentException("sample of shape " + x.shape() + " does not fit the model input "
          + modelInput + (colourForGrey ? " (a colour image for a grey model)" : ""));
    }
    float[] v = x.toArray();
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new IllegalArgumentException("value " + i + " of the sample is " + v[i]);
      }
    }
    return x;
  }

  private static Tensor firstChannel(Tensor x) {
    Shape s = x.shape();
    int plane = s.dim(2) * s.dim(3);
    float[] v = x.toArray();
    float[] one = new float[plane];
    System.arraycopy(v, 0, one, 0, plane);
    return Tensor.of(Shape.of(1, 1, s.dim(2), s.dim(3)), one);
  }

  private Integer targetOf(Row row) {
    long k;
    if (target instanceof RowTarget.Fixed f) {
      k = f.index();
    } else if (target instanceof RowTarget.Column c) {
      Object v = row.get(schema.fieldIndex(c.name()));
      if (v == null) {
        throw new IllegalArgumentException("target column '" + c.name() + "' is null");
      }
      k = ((Number) v).longValue();
    } else {
      return null;
    }
    if (k < 0 || k >= outputs) {
      throw new IllegalArgumentException("target " + k + " is outside the model's " + outputs + " outputs");
    }
    return (int) k;
  }
}
