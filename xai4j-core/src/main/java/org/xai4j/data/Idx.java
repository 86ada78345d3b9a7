package org.xai4j.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * Reads gzipped IDX files, the format of the original MNIST distribution: a big-endian magic
 * number {@code 0x0000080D} whose last byte {@code D} is the number of axes ({@code 08} marks
 * unsigned bytes), one big-endian 32-bit extent per axis, then the bytes in row-major order.
 */
final class Idx {
  private static final int UNSIGNED_BYTE_TYPE = 0x08;
  private static final int TYPE_SHIFT = 8;
  private static final int BYTE_MASK = 0xFF;

  private Idx() {}

  /** An unsigned-byte IDX array: its extents and its values. */
  record UnsignedBytes(int[] dims, byte[] values) {}

  /** Reads a gzipped unsigned-byte IDX resource with {@code rank} axes. */
  static UnsignedBytes readResource(Class<?> anchor, String resource, int rank) {
    InputStream raw = anchor.getResourceAsStream(resource);
    if (raw == null) {
      throw new IllegalStateException("resource " + resource + " is missing next to " + anchor.getName());
    }
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
      int magic = in.readInt();
      int expected = (UNSIGNED_BYTE_TYPE << TYPE_SHIFT) | rank;
      if (magic != expected) {
        throw new IllegalStateException(String.format(
            "%s: IDX magic 0x%08X, expected 0x%08X (unsigned bytes, %d axes)", resource, magic, expected, rank));
      }
      int[] dims = new int[rank];
      long size = 1;
      for (int i = 0; i < rank; i++) {
        dims[i] = in.readInt();
        size *= dims[i];
      }
      byte[] values = new byte[Math.toIntExact(size)];
      in.readFully(values);
      if (in.read() != -1) {
        throw new IllegalStateException(resource + ": data continues after " + size + " values");
      }
      return new UnsignedBytes(dims, values);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read IDX resource " + resource + ": " + e.getMessage(), e);
    }
  }

  /** An unsigned byte as an int in {@code [0, 255]}. */
  static int unsigned(byte b) {
    return b & BYTE_MASK;
  }
}
