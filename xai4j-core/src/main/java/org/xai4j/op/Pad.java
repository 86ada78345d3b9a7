package org.xai4j.op;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.xai4j.tensor.IndexMap;
import org.xai4j.tensor.Shape;

/**
 * ONNX {@code Pad}: adds {@code pads[i]} elements before and {@code pads[i + rank]} after axis
 * {@code i} (ONNX order: all begins, then all ends); a negative pad crops instead. New elements
 * are {@code value} ({@link Mode#CONSTANT}), the mirror image without repeating the border
 * ({@link Mode#REFLECT}, NumPy's {@code reflect}, repeated for pads longer than the axis) or the
 * border element repeated ({@link Mode#EDGE}). The gradient sums the output gradient back onto
 * the input elements each output element was read from; padded constants receive none.
 *
 * <p>Since opset 11 ONNX passes {@code pads} and {@code constant_value} as inputs and since opset
 * 18 an optional {@code axes}; the importer folds constant inputs into these components, expanding
 * {@code axes} into a full {@code pads} list.
 *
 * @param mode how new elements are filled
 * @param pads {@code 2 * rank} counts: the begins of every axis, then the ends
 * @param value the fill of {@link Mode#CONSTANT} (ONNX {@code constant_value}, default 0)
 */
public record Pad(Mode mode, List<Integer> pads, float value) implements GatherOp {
  /** How padded elements are filled, with the ONNX {@code mode} names. */
  public enum Mode {
    /** A constant value. */
    CONSTANT,
    /** Mirrored about the border element, which is not repeated: {@code 3 2 | 1 2 3 | 2 1}. */
    REFLECT,
    /** The border element repeated: {@code 1 1 | 1 2 3 | 3 3}. */
    EDGE;

    /** The ONNX attribute value, for example {@code "reflect"}. */
    public String onnxName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode of an ONNX {@code mode} attribute.
     *
     * @throws IllegalArgumentException listing the supported modes for an unknown name
     */
    public static Mode fromOnnx(String name) {
      for (Mode m : values()) {
        if (m.onnxName().equals(name)) {
          return m;
        }
      }
      throw new IllegalArgumentException("Pad: unsupported mode '" + name + "'; supported are "
          + Arrays.stream(values()).map(Mode::onnxName).toList());
    }

    /** The input coordinate read at coordinate {@code i} of an axis of extent {@code n}. */
    int source(long i, int n) {
      if (i >= 0 && i < n) {
        return (int) i;
      }
      switch (this) {
        case EDGE:
          return i < 0 ? 0 : n - 1;
        case REFLECT:
          if (n == 1) {
            return 0;
          }
          long period = 2L * (n - 1);
          int m = (int) Math.floorMod(i, period);
          return m < n ? m : (int) (period - m);
        default:
          return IndexMap.NONE;
      }
    }
  }

  /** Validates the components. */
  public Pad {
    if (mode == null) {
      throw new IllegalArgumentException("Pad: mode must not be null");
    }
    pads = List.copyOf(pads);
  }

  /** Constant padding with zeros. */
  public static Pad zeros(int... pads) {
    return new Pad(Mode.CONSTANT, Arrays.stream(pads).boxed().toList(), 0f);
  }

  @Override
  public String type() {
    return "Pad";
  }

  @Override
  public Shape outputShape(Shape input) {
    int rank = input.rank();
    OpChecks.require(pads.size() == 2 * rank, type(), "pads " + pads + " has " + pads.size()
        + " entries, input " + input + " of rank " + rank + " needs " + 2 * rank);
    int[] dims = new int[rank];
    for (int ax = 0; ax < rank; ax++) {
      int n = input.dim(ax);
      long extent = (long) n + pads.get(ax) + pads.get(ax + rank);
      OpChecks.require(extent >= 0, type(), "pads " + pads + " crop axis " + ax + " of input "
          + input + " below zero length");
      OpChecks.require(n > 0 || extent == 0 || mode == Mode.CONSTANT, type(), "cannot pad axis "
          + ax + " of input " + input + " in " + mode.onnxName() + " mode: it is empty");
      dims[ax] = OpChecks.extent(type(), extent, "axis " + ax + " of input " + input + " padded by " + pads);
    }
    return Shape.of(dims);
  }

  @Override
  public IndexMap indexMap(Shape input, Shape output) {
    int rank = input.rank();
    int[][] coordinates = new int[rank][];
    for (int ax = 0; ax < rank; ax++) {
      int n = input.dim(ax);
      long begin = pads.get(ax);
      coordinates[ax] = new int[output.dim(ax)];
      for (int o = 0; o < coordinates[ax].length; o++) {
        coordinates[ax][o] = mode.source(o - begin, n);
      }
    }
    return IndexMap.perAxis(input, coordinates);
  }
}
