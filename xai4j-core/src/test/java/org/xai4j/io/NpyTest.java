package org.xai4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.limit.LimitExceededException;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class NpyTest {
  /** The bytes {@code np.save} (format 1.0, 64-byte aligned header) writes for a C-order array. */
  private static byte[] numpyFile(String descr, String shape, int width, double... values) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int total = (10 + dict.length() + 1 + 63) / 64 * 64;
    String header = dict + " ".repeat(total - 10 - dict.length() - 1) + "\n";
    ByteBuffer b = ByteBuffer.allocate(total + values.length * width).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.ISO_8859_1));
    for (double v : values) {
      if (width == 4) {
        b.putFloat((float) v);
      } else {
        b.putDouble(v);
      }
    }
    return b.array();
  }

  @Test
  void readsNumpyFloat32AndFloat64(@TempDir Path dir) throws IOException {
    Path f4 = dir.resolve("a.npy");
    Files.write(f4, numpyFile("<f4", "(2, 3)", 4, 0, 1, 2, 3, 4, 5));
    Tensor t = Npy.read(f4);
    assertEquals(Shape.of(2, 3), t.shape());
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, t.toArray());
    Path f8 = dir.resolve("b.npy");
    Files.write(f8, numpyFile("<f8", "(3,)", 8, 0.5, -1, 2));
    assertArrayEquals(new float[] {0.5f, -1f, 2f}, Npy.read(f8).toArray());
  }

  @Test
  void writesWhatNumpyWritesAndRoundTrips(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("out.npy");
    Tensor t = Tensor.of(Shape.of(2, 3), 0f, 1f, 2f, 3f, 4f, 5f);
    Npy.write(f, t);
    assertArrayEquals(numpyFile("<f4", "(2, 3)", 4, 0, 1, 2, 3, 4, 5), Files.readAllBytes(f));
    Npy.write(f, Tensor.vector(7f));
    assertArrayEquals(numpyFile("<f4", "(1,)", 4, 7), Files.readAllBytes(f));
    Tensor scalar = Tensor.scalar(3f);
    Npy.write(f, scalar);
    assertEquals(Shape.scalar(), Npy.read(f).shape());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary files are left behind");
    }
  }

  @Test
  void float64ArraysEncodeAsNumpyAndDecodeExactly() throws IOException {
    double[] values = {Math.PI, -1e-300, 2.5, Double.MIN_VALUE};
    byte[] bytes = Npy.encodeFloat64(Shape.of(2, 2), values);
    assertArrayEquals(numpyFile("<f8", "(2, 2)", 8, values), bytes);
    Npy.Float64Array back = Npy.decodeFloat64(bytes, "a.npz:x.npy");
    assertEquals(Shape.of(2, 2), back.shape());
    assertArrayEquals(values, back.values());
    IOException e = assertThrows(IOException.class,
        () -> Npy.decodeFloat64(numpyFile("<f4", "(1,)", 4, 1), "a.npz:y.npy"));
    assertEquals("a.npz:y.npy: element type '<f4' found where float64 ('<f8') is expected", e.getMessage());
  }

  @Test
  void rejectsOtherTypesAndTruncationNamingTheFile(@TempDir Path dir) throws IOException {
    Path i8 = dir.resolve("ints.npy");
    Files.write(i8, numpyFile("<i8", "(2,)", 8, 1, 2));
    IOException e = assertThrows(IOException.class, () -> Npy.read(i8));
    assertTrue(e.getMessage().startsWith(i8 + ": element type '<i8' is not supported"), e.getMessage());
    Path cut = dir.resolve("cut.npy");
    byte[] full = numpyFile("<f4", "(2, 3)", 4, 0, 1, 2, 3, 4, 5);
    Files.write(cut, Arrays.copyOf(full, full.length - 4));
    e = assertThrows(IOException.class, () -> Npy.read(cut));
    assertEquals(cut + ": shape [2, 3] of <f4 needs 24 data bytes, the file has 20", e.getMessage());
    Path junk = dir.resolve("junk.npy");
    Files.write(junk, "hello world".getBytes(StandardCharsets.US_ASCII));
    assertThrows(IOException.class, () -> Npy.read(junk));
    Path missing = dir.resolve("missing.npy");
    e = assertThrows(IOException.class, () -> Npy.read(missing));
    assertEquals(missing + ": no such file", e.getMessage());
  }

  @Test
  void readsBytesNamingTheirSource() throws IOException {
    Tensor t = Npy.read(numpyFile("<f4", "(1, 2)", 4, 7, -3), "row 5");
    assertEquals(Shape.of(1, 2), t.shape());
    assertArrayEquals(new float[] {7f, -3f}, t.toArray());
    IOException e = assertThrows(IOException.class,
        () -> Npy.read("hello world".getBytes(StandardCharsets.US_ASCII), "row 6"));
    assertEquals("row 6: not a .npy file (no \\x93NUMPY magic)", e.getMessage());
  }

  @Test
  void failedWriteLeavesTargetUnchanged(@TempDir Path dir) throws IOException {
    Path missingDir = dir.resolve("nope").resolve("out.npy");
    assertThrows(IOException.class, () -> Npy.write(missingDir, Tensor.vector(1f)));
    assertTrue(Files.notExists(missingDir));
  }

  @Test
  void refusesARepeatedHeaderKeyThatNumpyWouldReadDifferently(@TempDir Path dir) throws IOException {
    byte[] twice = numpyFile("<f4", "(2,), 'shape': (1,)", 4, 1, 2);
    Path file = Files.write(dir.resolve("twice.npy"), twice);
    IOException e = assertThrows(IOException.class, () -> Npy.read(file));
    assertTrue(e.getMessage().startsWith(file + ": .npy header repeats the key 'shape'"), e.getMessage());
    assertThrows(IOException.class, () -> Npy.read(twice, "bytes"));
  }

  @Test
  void aHugeDeclaredShapeFailsOnTheLimitBeforeAllocating(@TempDir Path dir) throws IOException {
    // 3 GB of float32 declared by a 128-byte file
    Path file = Files.write(dir.resolve("huge.npy"), numpyFile("<f4", "(750000000,)", 4));
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> Npy.read(file));
    assertTrue(e.getMessage().contains("tensor-elements"), e.getMessage());
  }

  @Test
  void readsArraysLargerThanOneChunk(@TempDir Path dir) throws IOException {
    double[] values = new double[300_001];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 0.5 - 7;
    }
    Path f8 = Files.write(dir.resolve("big.npy"), numpyFile("<f8", "(300001,)", 8, values));
    float[] read = Npy.read(f8).toArray();
    for (int i = 0; i < values.length; i += 999) {
      assertEquals((float) values[i], read[i], "index " + i);
    }
    assertEquals((float) values[values.length - 1], read[values.length - 1]);
  }
}
