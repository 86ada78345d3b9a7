package org.xai4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0 to 3.0) holding little-endian
 * float32 ({@code <f4}) arrays in C order, the exchange format of {@code xai4j run}. Reading also
 * accepts {@code <f8}, converted to float32; float64 arrays are also encoded to and decoded from
 * bytes exactly (the entries of the density files of {@code xai4j-visualize}). Writing goes to a temporary file in the target
 * folder that is then moved over the target, so a failed or interrupted write never leaves a
 * partial file. Format: NumPy Enhancement Proposal 1
 * (numpy.lib.format).
 */
public final class Npy {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int VERSION_1_HEADER_LIMIT = 0xFFFF;
  /** Total header length (magic, version, length field, dictionary) is a multiple of this. */
  private static final int ALIGNMENT = 64;
  /** Longest header read; numpy writes a few hundred bytes (a header beyond 64 KiB needs format 2.0). */
  private static final int MAX_HEADER_BYTES = 1 << 20;
  /** Data is read in chunks of this size straight into the final array. */
  private static final int READ_CHUNK_BYTES = 1 << 20;
  private static final int PREAMBLE_V1 = MAGIC.length + 2 + Short.BYTES;
  private static final int PREAMBLE_V2 = MAGIC.length + 2 + Integer.BYTES;
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /**
   * Reads a float32 (or float64) C-order array.
   *
   * @throws IOException naming the file if it cannot be read, is not a .npy file, is truncated,
   *     or holds another element type or Fortran order
   */
  public static Tensor read(Path file) throws IOException {
    String source = file.toString();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer start = ByteBuffer.allocate((int) Math.min(size, PREAMBLE_V2 + MAX_HEADER_BYTES))
          .order(ByteOrder.LITTLE_ENDIAN);
      while (start.hasRemaining() && ch.read(start) >= 0) {
        // fill the buffer
      }
      start.flip();
      Header h = header(start, source, size);
      float[] v = new float[h.shape.size()];
      ch.position(h.dataOffset);
      ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(READ_CHUNK_BYTES, Math.max(Double.BYTES,
          size - h.dataOffset))).order(ByteOrder.LITTLE_ENDIAN);
      int i = 0;
      while (i < v.length) {
        if (ch.read(chunk) < 0) {
          throw new IOException(source + ": the file ended while its data was read");
        }
        chunk.flip();
        i = h.f8 ? fillFromDoubles(chunk, v, i) : fillFromFloats(chunk, v, i);
        chunk.compact(); // keeps the bytes of a value split between two reads
      }
      return INTERNALS.adopt(h.shape, v);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(source, null, "no such file");
    }
  }

  private static int fillFromFloats(ByteBuffer b, float[] v, int from) {
    int i = from;
    while (b.remaining() >= Float.BYTES && i < v.length) {
      v[i++] = b.getFloat();
    }
    return i;
  }

  private static int fillFromDoubles(ByteBuffer b, float[] v, int from) {
    int i = from;
    while (b.remaining() >= Double.BYTES && i < v.length) {
      v[i++] = (float) b.getDouble();
    }
    return i;
  }

  /**
   * Reads a float32 (or float64) C-order array from the bytes of a {@code .npy} file.
   *
   * @param source names the bytes in error messages (a file name, a data-set row)
   * @throws IOException naming {@code source} if the bytes are not a .npy file, are truncated, or
   *     hold another element type or Fortran order
   */
  public static Tensor read(byte[] bytes, String source) throws IOException {
    Decoded d = decode(bytes, source);
    float[] v = new float[d.shape.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = d.f8 ? (float) d.data.getDouble() : d.data.getFloat();
    }
    return INTERNALS.adopt(d.shape, v);
  }

  /**
   * Decodes the bytes of a .npy file holding a float64 ({@code <f8}) C-order array, for example an
   * entry of an {@code .npz} archive.
   *
   * @param source names the bytes in error messages (a file, an archive entry)
   * @throws IOException naming the source if the bytes are not a .npy file, are truncated, or hold
   *     another element type or Fortran order
   */
  public static Float64Array decodeFloat64(byte[] bytes, String source) throws IOException {
    Decoded d = decode(bytes, source);
    if (!d.f8) {
      throw new IOException(source + ": element type '<f4' found where float64 ('<f8') is expected");
    }
    double[] v = new double[d.shape.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = d.data.getDouble();
    }
    return new Float64Array(d.shape, v);
  }

  /** A float64 array of a .npy file. */
  public record Float64Array(Shape shape, double[] values) {
    /** Checks that the values fill the shape. */
    public Float64Array {
      if (values.length != shape.size()) {
        throw new IllegalArgumentException(values.length + " values for shape " + shape);
      }
    }
  }

  private record Decoded(Shape shape, boolean f8, ByteBuffer data) {}

  /** A parsed header: the array's shape and element type and where its data starts. */
  private record Header(Shape shape, boolean f8, long dataOffset) {}

  private static Decoded decode(byte[] bytes, String source) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    Header h = header(b, source, bytes.length);
    return new Decoded(h.shape, h.f8, b.position((int) h.dataOffset));
  }

  /**
   * Parses magic, version and header from {@code b} (positioned at the file's start), checks that the file's
   * {@code fileSize} matches the declared shape, and leaves {@code b} after the header.
   */
  private static Header header(ByteBuffer b, String source, long fileSize) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    if (b.remaining() < PREAMBLE_V1 || !Arrays.equals(magic(b, magic), MAGIC)) {
      throw new IOException(source + ": not a .npy file (no \\x93NUMPY magic)");
    }
    int major = Byte.toUnsignedInt(b.get());
    b.get();
    if (major != 1 && b.remaining() < Integer.BYTES) {
      throw new IOException(source + ": .npy preamble is truncated");
    }
    long headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : Integer.toUnsignedLong(b.getInt());
    if (headerLength > MAX_HEADER_BYTES) {
      throw new IOException(source + ": .npy header of " + headerLength + " bytes is longer than the "
          + MAX_HEADER_BYTES + " bytes xai4j reads");
    }
    if (headerLength > b.remaining()) {
      throw new IOException(source + ": .npy header of " + headerLength + " bytes is truncated");
    }
    byte[] h = new byte[(int) headerLength];
    b.get(h);
    String header = new String(h, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, source, "descr");
    if (group(FORTRAN, header, source, "fortran_order").equals("True")) {
      throw new IOException(source + ": Fortran-order arrays are not supported; save with C order");
    }
    Shape shape = parseShape(group(SHAPE, header, source, "shape"), source);
    boolean f8 = descr.equals("<f8");
    if (!f8 && !descr.equals("<f4")) {
      throw new IOException(source + ": element type '" + descr + "' is not supported; xai4j reads "
          + "little-endian float32 ('<f4') or float64 ('<f8')");
    }
    int width = f8 ? Double.BYTES : Float.BYTES;
    long dataBytes = fileSize - b.position();
    if (dataBytes != (long) shape.size() * width) {
      throw new IOException(source + ": shape " + shape + " of " + descr + " needs "
          + (long) shape.size() * width + " data bytes, the file has " + dataBytes);
    }
    return new Header(shape, f8, b.position());
  }

  private static byte[] magic(ByteBuffer b, byte[] into) {
    b.get(into);
    return into;
  }

  private static String group(Pattern p, String header, String source, String key) throws IOException {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new IOException(source + ": .npy header has no '" + key + "': " + header.strip());
    }
    String value = m.group(1);
    if (header.split("'" + key + "'", -1).length > 2) {
      // numpy's literal_eval keeps the last of repeated keys; a reader taking the first would differ silently
      throw new IOException(source + ": .npy header repeats the key '" + key + "': " + header.strip());
    }
    return value;
  }

  private static Shape parseShape(String s, String source) throws IOException {
    String[] parts = s.split(",");
    int[] dims = Arrays.stream(parts).map(String::strip).filter(x -> !x.isEmpty())
        .mapToInt(x -> {
          try {
            return Integer.parseInt(x);
          } catch (NumberFormatException e) {
            return -1;
          }
        }).toArray();
    if (Arrays.stream(dims).anyMatch(d -> d < 0)) {
      throw new IOException(source + ": invalid .npy shape (" + s + ")");
    }
    return Shape.of(dims);
  }

  /**
   * Writes a tensor as a version 1.0 (2.0 for huge headers) {@code <f4} C-order array, atomically.
   *
   * @throws IOException naming the file if it cannot be written; the target is then unchanged
   */
  public static void write(Path file, Tensor t) throws IOException {
    write(file, t, AtomicFiles.Existing.REPLACE);
  }

  /**
   * Like {@link #write(Path, Tensor)}, with a choice about an existing file.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists and {@code existing} refuses it
   * @throws IOException naming the file if it cannot be written; the target is then unchanged
   */
  public static void write(Path file, Tensor t, AtomicFiles.Existing existing) throws IOException {
    byte[] bytes = encode(t);
    AtomicFiles.write(file, out -> out.write(bytes), existing);
  }

  /** The bytes of a version 1.0 (2.0 for huge headers) {@code <f4} C-order {@code .npy} file holding {@code t}. */
  public static byte[] encode(Tensor t) {
    float[] v = INTERNALS.array(t);
    ByteBuffer b = header(t.shape(), "<f4", Float.BYTES);
    for (float x : v) {
      b.putFloat(x);
    }
    return b.array();
  }

  /** The bytes of a .npy file holding a float64 ({@code <f8}) C-order array of this shape. */
  public static byte[] encodeFloat64(Shape shape, double[] values) {
    if (values.length != shape.size()) {
      throw new IllegalArgumentException(values.length + " values for shape " + shape);
    }
    ByteBuffer b = header(shape, "<f8", Double.BYTES);
    for (double x : values) {
      b.putDouble(x);
    }
    return b.array();
  }

  /** A buffer holding the magic, version and header of an array, with room for its data. */
  private static ByteBuffer header(Shape s, String descr, int width) {
    int[] dims = s.toArray();
    StringBuilder shape = new StringBuilder("(");
    for (int d : dims) {
      shape.append(d).append(", ");
    }
    if (dims.length > 0) {
      shape.setLength(shape.length() - 2);
    }
    shape.append(dims.length == 1 ? ",)" : ")");
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    boolean v1 = dict.length() + PREAMBLE_V1 + ALIGNMENT <= VERSION_1_HEADER_LIMIT;
    int preamble = v1 ? PREAMBLE_V1 : PREAMBLE_V2;
    int total = (preamble + dict.length() + 1 + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    String header = dict + " ".repeat(total - preamble - dict.length() - 1) + "\n";
    ByteBuffer b = ByteBuffer.allocate(total + s.size() * width).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) (v1 ? 1 : 2)).put((byte) 0);
    if (v1) {
      b.putShort((short) header.length());
    } else {
      b.putInt(header.length());
    }
    b.put(header.getBytes(StandardCharsets.ISO_8859_1));
    return b;
  }
}
