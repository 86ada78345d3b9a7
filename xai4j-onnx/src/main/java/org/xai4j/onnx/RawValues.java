package org.xai4j.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.xai4j.tensor.Shape;

/**
 * Decodes little-endian element bytes ({@code raw_data} or an external data file) straight into
 * the array a {@link HostTensor} keeps: float32 for {@code FLOAT} and {@code DOUBLE}, doubles for
 * the integer and boolean types. External data is streamed through a small buffer, so a tensor
 * costs its final array and nothing more on the heap.
 */
final class RawValues {
  /** Bytes read from an external file per step (a multiple of every element width). */
  static final int CHUNK_BYTES = 1 << 20;

  private final DataType type;
  private final int width;
  private final float[] floats;
  private final double[] integers;
  private int filled;

  private RawValues(DataType type, int n) {
    this.type = type;
    this.width = width(type);
    boolean integral = isIntegral(type);
    this.floats = integral ? null : new float[n];
    this.integers = integral ? new double[n] : null;
  }

  /** Bytes per element of the types xai4j reads, 0 for the others. */
  static int width(DataType type) {
    return switch (type) {
      case FLOAT, INT32, UINT32 -> Integer.BYTES;
      case DOUBLE, INT64, UINT64 -> Long.BYTES;
      case INT16, UINT16 -> Short.BYTES;
      case INT8, UINT8, BOOL -> 1;
      default -> 0;
    };
  }

  /** Whether a type is held as integers (everything but {@code FLOAT} and {@code DOUBLE}). */
  static boolean isIntegral(DataType type) {
    return type != DataType.FLOAT && type != DataType.DOUBLE;
  }

  /** Decodes {@code shape.size()} elements from a little-endian buffer of exactly that many. */
  static HostTensor decode(ByteBuffer bytes, DataType type, Shape shape) {
    RawValues v = new RawValues(type, shape.size());
    v.append(bytes.order(ByteOrder.LITTLE_ENDIAN));
    return v.result(shape);
  }

  /**
   * Streams {@code shape.size()} elements from {@code file} at {@code offset}.
   *
   * @throws IOException if the file cannot be read or ends early (then {@link java.io.EOFException})
   */
  static HostTensor read(Path file, long offset, DataType type, Shape shape) throws IOException {
    RawValues v = new RawValues(type, shape.size());
    long remaining = (long) shape.size() * v.width;
    ByteBuffer chunk = ByteBuffer.allocateDirect((int) Math.min(CHUNK_BYTES, Math.max(remaining, 1)))
        .order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long position = offset;
      while (remaining > 0) {
        chunk.clear().limit((int) Math.min(chunk.capacity(), remaining));
        while (chunk.hasRemaining()) {
          int read = ch.read(chunk, position);
          if (read < 0) {
            throw new java.io.EOFException("ends at byte " + position);
          }
          position += read;
        }
        remaining -= chunk.flip().remaining();
        v.append(chunk);
      }
    }
    return v.result(shape);
  }

  private void append(ByteBuffer b) {
    int count = b.remaining() / width;
    if (type == DataType.FLOAT) {
      b.asFloatBuffer().get(floats, filled, count);
      b.position(b.position() + count * width);
      filled += count;
      return;
    }
    for (int i = 0; i < count; i++, filled++) {
      switch (type) {
        case DOUBLE -> floats[filled] = (float) b.getDouble();
        case INT64, UINT64 -> integers[filled] = b.getLong();
        case INT32 -> integers[filled] = b.getInt();
        case UINT32 -> integers[filled] = Integer.toUnsignedLong(b.getInt());
        case INT16 -> integers[filled] = b.getShort();
        case UINT16 -> integers[filled] = Short.toUnsignedInt(b.getShort());
        case INT8 -> integers[filled] = b.get();
        default -> integers[filled] = Byte.toUnsignedInt(b.get());
      }
    }
  }

  private HostTensor result(Shape shape) {
    return floats != null ? HostTensor.adoptFloats(shape, floats) : new HostTensor(shape, integers, true);
  }
}
