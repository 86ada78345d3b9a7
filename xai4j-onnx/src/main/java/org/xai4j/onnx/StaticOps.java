package org.xai4j.onnx;

import java.util.List;
import org.xai4j.tensor.Shape;

/**
 * Import-time evaluation of the data-movement ops that shape computations use ({@code Gather},
 * {@code Concat}, {@code Slice}) on {@link HostTensor}s of any element type.
 */
final class StaticOps {
  private StaticOps() {}

  /** ONNX {@code Gather} along {@code axis}; negative indices count from the end. */
  static HostTensor gather(HostTensor data, HostTensor indices, int axis) {
    Shape s = data.shape();
    int a = s.axis(axis);
    int outer = s.product(0, a);
    int n = s.dim(a);
    int inner = s.product(a + 1, s.rank());
    long[] idx = indices.longs();
    double[] out = new double[outer * idx.length * inner];
    for (int o = 0; o < outer; o++) {
      for (int k = 0; k < idx.length; k++) {
        long i = idx[k] < 0 ? idx[k] + n : idx[k];
        if (i < 0 || i >= n) {
          throw new IllegalArgumentException("Gather index " + idx[k] + " is outside axis " + axis
              + " of shape " + s);
        }
        System.arraycopy(data.values(), (int) ((o * n + i) * inner), out, (o * idx.length + k) * inner, inner);
      }
    }
    int[] dims = new int[s.rank() - 1 + indices.shape().rank()];
    int j = 0;
    for (int i = 0; i < a; i++) {
      dims[j++] = s.dim(i);
    }
    for (int d : indices.shape().toArray()) {
      dims[j++] = d;
    }
    for (int i = a + 1; i < s.rank(); i++) {
      dims[j++] = s.dim(i);
    }
    return new HostTensor(Shape.of(dims), out, data.integral());
  }

  /** ONNX {@code Concat} along {@code axis}. */
  static HostTensor concat(List<HostTensor> parts, int axis) {
    Shape first = parts.get(0).shape();
    int a = first.axis(axis);
    int outer = first.product(0, a);
    int total = 0;
    for (HostTensor p : parts) {
      Shape s = p.shape();
      if (s.rank() != first.rank() || !s.withDim(a, 1).equals(first.withDim(a, 1))) {
        throw new IllegalArgumentException("cannot concatenate " + first + " and " + s + " on axis " + axis);
      }
      total += s.dim(a);
    }
    Shape outShape = first.withDim(a, total);
    double[] out = new double[outShape.size()];
    int rowOut = outShape.product(a, outShape.rank());
    int offset = 0;
    for (HostTensor p : parts) {
      int row = p.shape().product(a, p.shape().rank());
      for (int o = 0; o < outer; o++) {
        System.arraycopy(p.values(), o * row, out, o * rowOut + offset, row);
      }
      offset += row;
    }
    return new HostTensor(outShape, out, parts.stream().allMatch(HostTensor::integral));
  }

  /** ONNX {@code Slice} of a tensor along the given axes (ends and starts clamped as ONNX does). */
  static HostTensor slice(HostTensor data, long[] starts, long[] ends, long[] axes, long[] steps) {
    Shape s = data.shape();
    int rank = s.rank();
    long[] st = new long[rank];
    long[] en = new long[rank];
    long[] sp = new long[rank];
    for (int i = 0; i < rank; i++) {
      en[i] = s.dim(i);
      sp[i] = 1;
    }
    for (int k = 0; k < starts.length; k++) {
      int ax = s.axis(Math.toIntExact(axes == null ? k : axes[k]));
      long dim = s.dim(ax);
      long step = steps == null ? 1 : steps[k];
      if (step == 0) {
        throw new IllegalArgumentException("Slice step 0 on axis " + ax);
      }
      long b = starts[k] < 0 ? starts[k] + dim : starts[k];
      long e = ends[k] < 0 ? ends[k] + dim : ends[k];
      if (step > 0) {
        b = Math.max(0, Math.min(b, dim));
        e = Math.max(0, Math.min(e, dim));
      } else {
        b = Math.max(-1, Math.min(b, dim - 1));
        e = Math.max(-1, Math.min(e, dim - 1));
      }
      st[ax] = b;
      en[ax] = e;
      sp[ax] = step;
    }
    int[] dims = new int[rank];
    for (int i = 0; i < rank; i++) {
      long n = sp[i] > 0 ? (en[i] - st[i] + sp[i] - 1) / sp[i] : (st[i] - en[i] - sp[i] - 1) / -sp[i];
      dims[i] = (int) Math.max(0, n);
    }
    Shape out = Shape.of(dims);
    double[] v = new double[out.size()];
    int[] strides = s.strides();
    int[] counter = new int[rank];
    for (int flat = 0; flat < v.length; flat++) {
      long src = 0;
      for (int i = 0; i < rank; i++) {
        src += (st[i] + counter[i] * sp[i]) * strides[i];
      }
      v[flat] = data.values()[(int) src];
      for (int i = rank - 1; i >= 0; i--) {
        if (++counter[i] < dims[i]) {
          break;
        }
        counter[i] = 0;
      }
    }
    return new HostTensor(out, v, data.integral());
  }
}
