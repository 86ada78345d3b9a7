package org.xai4j.onnx;

import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xai4j.limit.LimitExceededException;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Converts ONNX {@code TensorProto}s to {@link HostTensor}s and back. Reads the typed value fields,
 * little-endian {@code raw_data}, and external data ({@code data_location = EXTERNAL}) from files
 * beside the model; a location that resolves outside the model's folder is refused.
 */
final class OnnxTensors {
  private static final String LOCATION = "location";
  private static final String OFFSET = "offset";
  private static final String LENGTH = "length";

  private OnnxTensors() {}

  /**
   * The shape a tensor declares, checked against {@link org.xai4j.limit.Limit#TENSOR_ELEMENTS}
   * before any of its data is decoded.
   */
  static Shape shape(TensorProto t, String source) {
    String what = what(t, source);
    int[] dims = new int[t.getDimsCount()];
    for (int i = 0; i < dims.length; i++) {
      long d = t.getDims(i);
      if (d < 0 || d > Integer.MAX_VALUE) {
        throw new OnnxImportException(what + " has invalid extent " + d + " on axis " + i);
      }
      dims[i] = (int) d;
    }
    try {
      return Shape.of(dims);
    } catch (LimitExceededException e) {
      throw e.within(what);
    } catch (IllegalArgumentException e) {
      throw new OnnxImportException(what + ": " + e.getMessage(), e);
    }
  }

  /**
   * The bytes a tensor's values take in the file (its declared element count times the element
   * width), computed from the header alone.
   */
  static long declaredBytes(TensorProto t, String source) {
    return (long) shape(t, source).size() * RawValues.width(type(t, what(t, source)));
  }

  private static String what(TensorProto t, String source) {
    return source + ": tensor '" + Names.printable(t.getName()) + "'";
  }

  private static DataType type(TensorProto t, String what) {
    DataType type = DataType.forNumber(t.getDataType());
    if (type == null || RawValues.width(type) == 0) {
      throw new UnsupportedModelException(what + " has element type "
          + (type == null ? "#" + t.getDataType() : type) + ", which xai4j does not read");
    }
    return type;
  }

  /**
   * Reads a tensor. Float values are decoded straight into the float32 array the weight keeps;
   * external data is streamed from its file.
   *
   * @param t the proto
   * @param baseDir folder of the model file for external data, or {@code null} if there is none
   * @param source the model file name, for messages
   */
  static HostTensor read(TensorProto t, Path baseDir, String source) {
    String what = what(t, source);
    Shape shape = shape(t, source);
    DataType type = type(t, what);
    int n = shape.size();
    long bytes = (long) n * RawValues.width(type);
    if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      return external(t, bytes, baseDir, what, type, shape);
    }
    if (!t.getRawData().isEmpty()) {
      ByteString raw = t.getRawData();
      if (raw.size() != bytes) {
        throw new OnnxImportException(what + " of shape " + shape + " needs " + bytes + " bytes of " + type
            + ", has " + raw.size() + " (truncated or corrupt)");
      }
      return RawValues.decode(raw.asReadOnlyByteBuffer(), type, shape);
    }
    int count = typedCount(t, type);
    if (count != n) {
      throw new OnnxImportException(what + " of shape " + shape + " needs " + n + " values, has "
          + count + " (truncated or corrupt)");
    }
    return new HostTensor(shape, decodeTyped(t, type), RawValues.isIntegral(type));
  }

  private static int typedCount(TensorProto t, DataType type) {
    return switch (type) {
      case FLOAT -> t.getFloatDataCount();
      case DOUBLE -> t.getDoubleDataCount();
      case INT64 -> t.getInt64DataCount();
      case UINT32, UINT64 -> t.getUint64DataCount();
      default -> t.getInt32DataCount();
    };
  }

  private static double[] decodeTyped(TensorProto t, DataType type) {
    return switch (type) {
      case FLOAT -> {
        double[] v = new double[t.getFloatDataCount()];
        for (int i = 0; i < v.length; i++) {
          v[i] = t.getFloatData(i);
        }
        yield v;
      }
      case DOUBLE -> t.getDoubleDataList().stream().mapToDouble(Double::doubleValue).toArray();
      case INT64 -> t.getInt64DataList().stream().mapToDouble(Long::doubleValue).toArray();
      case UINT32, UINT64 -> t.getUint64DataList().stream().mapToDouble(Long::doubleValue).toArray();
      default -> t.getInt32DataList().stream().mapToDouble(Integer::doubleValue).toArray();
    };
  }

  private static HostTensor external(TensorProto t, long expected, Path baseDir, String what, DataType type,
      Shape shape) {
    if (baseDir == null) {
      throw new OnnxImportException(what + " stores its data externally, but the model was not "
          + "read from a file, so there is no folder to read it from");
    }
    String location = null;
    long offset = 0;
    long length = -1;
    for (StringStringEntryProto e : t.getExternalDataList()) {
      switch (e.getKey()) {
        case LOCATION -> location = e.getValue();
        case OFFSET -> offset = parseLong(e.getValue(), what, OFFSET);
        case LENGTH -> length = parseLong(e.getValue(), what, LENGTH);
        default -> { } // checksum and other keys are informational
      }
    }
    if (location == null || location.isEmpty()) {
      throw new OnnxImportException(what + " is EXTERNAL but names no location");
    }
    Path file = resolveInside(baseDir, location, what);
    if (length < 0) {
      length = expected;
    }
    if (length != expected || offset < 0) {
      throw new OnnxImportException(what + ": external data of " + length + " bytes at offset " + offset
          + "; shape " + shape + " of " + type + " needs " + expected + " bytes at an offset >= 0");
    }
    try {
      long size = java.nio.file.Files.size(file);
      if (offset > size || expected > size - offset) {
        throw new OnnxImportException(what + ": external file " + Names.printable(location) + " has " + size
            + " bytes, fewer than offset " + offset + " + length " + expected + " (truncated)");
      }
      return RawValues.read(file, offset, type, shape);
    } catch (IOException e) {
      throw new OnnxImportException(what + ": cannot read external file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The external-data file, refusing locations outside the model folder (also via symlinks). */
  private static Path resolveInside(Path baseDir, String location, String what) {
    Path base = baseDir.toAbsolutePath().normalize();
    Path file;
    try {
      file = base.resolve(location).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new OnnxImportException(what + ": external data location '" + Names.printable(location)
          + "' is not a valid path: " + e.getReason(), e);
    }
    if (!file.startsWith(base)) {
      throw new OnnxImportException(what + ": external data location '" + Names.printable(location)
          + "' resolves outside the model folder " + base + "; refused");
    }
    if (!Files.isRegularFile(file)) {
      throw new OnnxImportException(what + ": external data file " + file + " does not exist");
    }
    try {
      if (!file.toRealPath().startsWith(base.toRealPath())) {
        throw new OnnxImportException(what + ": external data location '" + Names.printable(location)
            + "' links outside the model folder " + base + "; refused");
      }
    } catch (IOException e) {
      throw new OnnxImportException(what + ": cannot resolve external file " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  private static long parseLong(String s, String what, String key) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new OnnxImportException(what + ": external data " + key + " '" + Names.printable(s)
          + "' is not a number", e);
    }
  }

  /** A float32 tensor as an initializer with little-endian raw data. */
  static TensorProto write(String name, Tensor t) {
    ByteBuffer b = ByteBuffer.allocate(t.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < t.size(); i++) {
      b.putFloat(t.getFlat(i));
    }
    b.flip();
    TensorProto.Builder p = TensorProto.newBuilder().setName(name).setDataType(DataType.FLOAT_VALUE)
        .setRawData(ByteString.copyFrom(b));
    for (int d : t.shape().toArray()) {
      p.addDims(d);
    }
    return p.build();
  }

  /** An int64 vector as a tensor (for shape-like inputs such as axes). */
  static TensorProto writeInts(String name, long... values) {
    return writeInts(name, new long[] {values.length}, values);
  }

  /** An int64 initializer of the given shape. */
  static TensorProto writeInts(String name, long[] dims, long[] values) {
    TensorProto.Builder p = TensorProto.newBuilder().setName(name).setDataType(DataType.INT64_VALUE);
    for (long d : dims) {
      p.addDims(d);
    }
    for (long v : values) {
      p.addInt64Data(v);
    }
    return p.build();
  }
}
