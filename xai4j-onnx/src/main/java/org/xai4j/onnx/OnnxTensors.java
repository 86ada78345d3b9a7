package org.xai4j.onnx;

import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
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
   * Reads a tensor.
   *
   * @param t the proto
   * @param baseDir folder of the model file for external data, or {@code null} if there is none
   * @param source the model file name, for messages
   */
  static HostTensor read(TensorProto t, Path baseDir, String source) {
    String what = source + ": tensor '" + t.getName() + "'";
    int[] dims = new int[t.getDimsCount()];
    for (int i = 0; i < dims.length; i++) {
      long d = t.getDims(i);
      if (d < 0 || d > Integer.MAX_VALUE) {
        throw new OnnxImportException(what + " has invalid extent " + d + " on axis " + i);
      }
      dims[i] = (int) d;
    }
    Shape shape;
    try {
      shape = Shape.of(dims);
    } catch (IllegalArgumentException e) {
      throw new OnnxImportException(what + ": " + e.getMessage(), e);
    }
    DataType type = DataType.forNumber(t.getDataType());
    int width = type == null ? 0 : byteWidth(type);
    if (width == 0) {
      throw new UnsupportedModelException(what + " has element type "
          + (type == null ? "#" + t.getDataType() : type) + ", which xai4j does not read");
    }
    boolean integral = type != DataType.FLOAT && type != DataType.DOUBLE;
    int n = shape.size();
    double[] v;
    if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      v = decodeRaw(externalBytes(t, n * (long) width, baseDir, what), type, n, what);
    } else if (!t.getRawData().isEmpty()) {
      v = decodeRaw(t.getRawData(), type, n, what);
    } else {
      v = decodeTyped(t, type, what);
    }
    if (v.length != n) {
      throw new OnnxImportException(what + " of shape " + shape + " needs " + n + " values, has "
          + v.length + " (truncated or corrupt)");
    }
    return new HostTensor(shape, v, integral);
  }

  private static int byteWidth(DataType type) {
    return switch (type) {
      case FLOAT, INT32, UINT32 -> Integer.BYTES;
      case DOUBLE, INT64, UINT64 -> Long.BYTES;
      case INT16, UINT16 -> Short.BYTES;
      case INT8, UINT8, BOOL -> 1;
      default -> 0;
    };
  }

  private static double[] decodeRaw(ByteString raw, DataType type, int n, String what) {
    int width = byteWidth(type);
    if (raw.size() != n * (long) width) {
      throw new OnnxImportException(what + " needs " + n * (long) width + " bytes of " + type
          + ", has " + raw.size() + " (truncated or corrupt)");
    }
    ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = switch (type) {
        case FLOAT -> b.getFloat();
        case DOUBLE -> b.getDouble();
        case INT64, UINT64 -> b.getLong();
        case INT32 -> b.getInt();
        case UINT32 -> Integer.toUnsignedLong(b.getInt());
        case INT16 -> b.getShort();
        case UINT16 -> Short.toUnsignedInt(b.getShort());
        case INT8 -> b.get();
        default -> Byte.toUnsignedInt(b.get());
      };
    }
    return v;
  }

  private static double[] decodeTyped(TensorProto t, DataType type, String what) {
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
      case INT32, INT16, UINT16, INT8, UINT8, BOOL ->
          t.getInt32DataList().stream().mapToDouble(Integer::doubleValue).toArray();
      default -> throw new UnsupportedModelException(what + ": element type " + type + " is not read");
    };
  }

  private static ByteString externalBytes(TensorProto t, long expected, Path baseDir, String what) {
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
    if (length != expected) {
      throw new OnnxImportException(what + ": external data length " + length + " bytes, shape and "
          + "type need " + expected);
    }
    try (InputStream in = Files.newInputStream(file)) {
      long skipped = in.skip(offset);
      byte[] bytes = in.readNBytes((int) length);
      if (skipped != offset || bytes.length != length) {
        throw new OnnxImportException(what + ": external file " + location + " ends before offset "
            + offset + " + length " + length + " (truncated)");
      }
      return ByteString.copyFrom(bytes);
    } catch (IOException e) {
      throw new OnnxImportException(what + ": cannot read external file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The external-data file, refusing locations outside the model folder (also via symlinks). */
  private static Path resolveInside(Path baseDir, String location, String what) {
    Path base = baseDir.toAbsolutePath().normalize();
    Path file = base.resolve(location).normalize();
    if (!file.startsWith(base)) {
      throw new OnnxImportException(what + ": external data location '" + location
          + "' resolves outside the model folder " + base + "; refused");
    }
    if (!Files.isRegularFile(file)) {
      throw new OnnxImportException(what + ": external data file " + file + " does not exist");
    }
    try {
      if (!file.toRealPath().startsWith(base.toRealPath())) {
        throw new OnnxImportException(what + ": external data location '" + location
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
      throw new OnnxImportException(what + ": external data " + key + " '" + s + "' is not a number", e);
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
    TensorProto.Builder p = TensorProto.newBuilder().setName(name)
        .setDataType(DataType.INT64_VALUE).addDims(values.length);
    for (long v : values) {
      p.addInt64Data(v);
    }
    return p.build();
  }
}
