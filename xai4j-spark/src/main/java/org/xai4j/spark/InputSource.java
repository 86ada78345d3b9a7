package org.xai4j.spark;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.xai4j.explain.image.ImageInput;
import org.xai4j.io.Npy;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Where the rows of a data set keep their model input, and how one row becomes one sample:
 * <ul>
 *   <li>{@link #imageColumn}: the struct column of Spark's {@code image} data source
 *       ({@code spark.read().format("image")}, bytes in BGR(A) order);
 *   <li>{@link #fileColumns}: the {@code content} and {@code path} columns of the
 *       {@code binaryFile} data source, each a PNG or JPEG image or a {@code .npy} array;
 *   <li>{@link #arrayColumns}: an {@code array<float>} (or {@code array<double>}) column of values
 *       in row-major order and an {@code array<int>} column with their shape.
 * </ul>
 * Images go through an {@link ImageInput} (resize, crop, mean, std);
 * arrays and {@code .npy} files are taken as they are, with or without a leading batch axis of 1.
 */
public sealed interface InputSource extends Serializable {
  /** The struct column {@code name} of Spark's {@code image} data source. */
  static InputSource imageColumn(String name) {
    return new ImageColumn(name);
  }

  /** The {@code content} and {@code path} columns of the {@code binaryFile} data source. */
  static InputSource fileColumns(String content, String path) {
    return new FileColumns(content, path);
  }

  /** A values column ({@code array<float>} or {@code array<double>}) and a shape column ({@code array<int>}). */
  static InputSource arrayColumns(String values, String shape) {
    return new ArrayColumns(values, shape);
  }

  /**
   * The source that a data set read with the {@code image} data source ({@code image} column), the
   * {@code binaryFile} data source ({@code content} and {@code path}) or holding {@code values}
   * and {@code shape} columns has.
   *
   * @throws IllegalArgumentException listing the schema and the expected columns if none fits
   */
  static InputSource detect(StructType schema) {
    List<String> names = Arrays.asList(schema.fieldNames());
    if (names.contains(ImageColumn.DEFAULT)) {
      return imageColumn(ImageColumn.DEFAULT);
    }
    if (names.contains(FileColumns.CONTENT) && names.contains(FileColumns.PATH)) {
      return fileColumns(FileColumns.CONTENT, FileColumns.PATH);
    }
    if (names.contains(ArrayColumns.VALUES) && names.contains(ArrayColumns.SHAPE)) {
      return arrayColumns(ArrayColumns.VALUES, ArrayColumns.SHAPE);
    }
    throw new IllegalArgumentException("cannot tell where the input is in " + schema.simpleString()
        + ": expected an 'image' column (format \"image\"), 'content' and 'path' (format \"binaryFile\") or "
        + "'values' and 'shape'; name the columns with InputSource");
  }

  /**
   * Checks that the schema has this source's columns with the right types.
   *
   * @throws IllegalArgumentException naming the column, its type and the expected type
   */
  void check(StructType schema);

  /**
   * The sample that {@code row} of {@code schema} holds (rows handed on by an earlier
   * {@code mapPartitions} carry no schema of their own), {@code [1, ...]} for images ({@code [1, 3, H, W]} from colour,
   * {@code [1, 1, H, W]} from grey images) and as stored for arrays.
   *
   * @throws IllegalArgumentException with a one-line reason naming the row's file if the row
   *     cannot be decoded
   */
  Decoded decode(Row row, StructType schema, ImageInput images);

  /**
   * A decoded row.
   *
   * @param sample the values, {@code [1, ...]} or without the batch axis
   * @param grey whether the values came from a single-channel image (and may be given to a
   *     1-channel model)
   */
  record Decoded(Tensor sample, boolean grey) {}

  /**
   * See {@link InputSource#imageColumn}.
   *
   * @param name the struct column
   */
  record ImageColumn(String name) implements InputSource {
    static final String DEFAULT = "image";
    private static final int GREY = 1;
    private static final int BGR = 3;
    private static final int BGRA = 4;
    private static final int BYTE = 0xff;

    @Override
    public void check(StructType schema) {
      DataType t = field(schema, name).dataType();
      if (!(t instanceof StructType s) || !Arrays.asList(s.fieldNames()).containsAll(
          List.of("origin", "height", "width", "nChannels", "data"))) {
        throw new IllegalArgumentException("column '" + name + "' is " + t.simpleString()
            + ", not the struct of Spark's image data source");
      }
    }

    @Override
    public Decoded decode(Row row, StructType schema, ImageInput images) {
      int column = schema.fieldIndex(name);
      Row image = row.getStruct(column);
      if (image == null) {
        throw new IllegalArgumentException("column '" + name + "' is null");
      }
      StructType fields = (StructType) schema.fields()[column].dataType();
      String origin = image.getString(fields.fieldIndex("origin"));
      int h = image.getInt(fields.fieldIndex("height"));
      int w = image.getInt(fields.fieldIndex("width"));
      int channels = image.getInt(fields.fieldIndex("nChannels"));
      byte[] data = (byte[]) image.get(fields.fieldIndex("data"));
      if (h <= 0 || w <= 0 || data == null || data.length == 0) {
        throw new IllegalArgumentException(origin + ": not a decodable image (Spark's image source gave "
            + h + "x" + w + ", " + (data == null ? 0 : data.length) + " bytes)");
      }
      if ((channels != GREY && channels != BGR && channels != BGRA) || data.length != (long) h * w * channels) {
        throw new IllegalArgumentException(origin + ": " + channels + " channels of " + h + "x" + w + " in "
            + data.length + " bytes is not a 1, 3 or 4 channel image");
      }
      BufferedImage img = new BufferedImage(w, h, channels == GREY ? BufferedImage.TYPE_BYTE_GRAY
          : BufferedImage.TYPE_INT_RGB);
      if (channels == GREY) {
        img.getRaster().setDataElements(0, 0, w, h, data);
      } else {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            int i = (y * w + x) * channels;
            img.setRGB(x, y, (data[i + 2] & BYTE) << 16 | (data[i + 1] & BYTE) << 8 | (data[i] & BYTE));
          }
        }
      }
      return new Decoded(images.apply(img), channels == GREY);
    }
  }

  /**
   * See {@link InputSource#fileColumns}.
   *
   * @param content the binary column with the file's bytes
   * @param path the string column naming the file (in messages)
   */
  record FileColumns(String content, String path) implements InputSource {
    static final String CONTENT = "content";
    static final String PATH = "path";
    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    @Override
    public void check(StructType schema) {
      requireType(schema, content, DataTypes.BinaryType);
      requireType(schema, path, DataTypes.StringType);
    }

    @Override
    public Decoded decode(Row row, StructType schema, ImageInput images) {
      String file = row.getString(schema.fieldIndex(path));
      byte[] bytes = (byte[]) row.get(schema.fieldIndex(content));
      if (bytes == null) {
        throw new IllegalArgumentException(file + ": no content");
      }
      if (bytes.length >= NPY_MAGIC.length && Arrays.equals(Arrays.copyOf(bytes, NPY_MAGIC.length), NPY_MAGIC)) {
        try {
          return new Decoded(Npy.read(bytes, file), false);
        } catch (IOException e) {
          throw new IllegalArgumentException(e.getMessage(), e);
        }
      }
      BufferedImage img;
      try {
        img = ImageInput.decode(new ByteArrayInputStream(bytes), file);
      } catch (IOException e) {
        throw new IllegalArgumentException(file + ": cannot decode image: " + e.getMessage(), e);
      }
      if (img == null) {
        throw new IllegalArgumentException(file + ": not a PNG/JPEG image or .npy array (" + bytes.length + " bytes)");
      }
      return new Decoded(images.apply(img), img.getColorModel().getNumColorComponents() == 1);
    }
  }

  /**
   * See {@link InputSource#arrayColumns}.
   *
   * @param values the {@code array<float>} or {@code array<double>} column
   * @param shape the {@code array<int>} column
   */
  record ArrayColumns(String values, String shape) implements InputSource {
    static final String VALUES = "values";
    static final String SHAPE = "shape";

    @Override
    public void check(StructType schema) {
      DataType v = field(schema, values).dataType();
      if (!(v instanceof ArrayType a) || !(a.elementType().equals(DataTypes.FloatType)
          || a.elementType().equals(DataTypes.DoubleType))) {
        throw new IllegalArgumentException("column '" + values + "' is " + v.simpleString()
            + ", expected array<float> or array<double>");
      }
      requireType(schema, shape, DataTypes.createArrayType(DataTypes.IntegerType));
    }

    @Override
    public Decoded decode(Row row, StructType schema, ImageInput images) {
      // a row handed on unserialized by an earlier mapPartitions may hold Java arrays instead of Seqs
      float[] f = floats(row.get(schema.fieldIndex(values)), values);
      long[] s = longs(row.get(schema.fieldIndex(shape)), shape);
      int[] dims = new int[s.length];
      long size = 1;
      for (int i = 0; i < dims.length; i++) {
        if (s[i] < 0 || s[i] > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("shape " + Arrays.toString(s) + " has an invalid extent");
        }
        dims[i] = (int) s[i];
        size *= s[i];
      }
      if (size != f.length) {
        throw new IllegalArgumentException("shape " + Arrays.toString(s) + " needs " + size + " values, the row has "
            + f.length);
      }
      return new Decoded(Tensor.of(Shape.of(dims), f), false);
    }
  }

  private static float[] floats(Object column, String name) {
    if (column instanceof float[] f) {
      return f.clone();
    }
    if (column instanceof double[] d) {
      float[] f = new float[d.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) d[i];
      }
      return f;
    }
    List<?> l = list(column, name);
    float[] f = new float[l.size()];
    for (int i = 0; i < f.length; i++) {
      if (!(l.get(i) instanceof Number n)) {
        throw new IllegalArgumentException("value " + i + " of column '" + name + "' is " + l.get(i));
      }
      f[i] = n.floatValue();
    }
    return f;
  }

  private static long[] longs(Object column, String name) {
    if (column instanceof int[] ints) {
      return Arrays.stream(ints).asLongStream().toArray();
    }
    List<?> l = list(column, name);
    long[] v = new long[l.size()];
    for (int i = 0; i < v.length; i++) {
      if (!(l.get(i) instanceof Number n)) {
        throw new IllegalArgumentException("extent " + i + " of column '" + name + "' is " + l.get(i));
      }
      v[i] = n.longValue();
    }
    return v;
  }

  private static List<?> list(Object column, String name) {
    if (column == null) {
      throw new IllegalArgumentException("column '" + name + "' is null");
    }
    if (column instanceof scala.collection.Seq<?> seq) {
      return scala.jdk.javaapi.CollectionConverters.asJava(seq);
    }
    if (column instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException("column '" + name + "' holds a " + column.getClass().getSimpleName()
        + ", not an array");
  }

  private static StructField field(StructType schema, String name) {
    if (!Arrays.asList(schema.fieldNames()).contains(name)) {
      throw new IllegalArgumentException("no column '" + name + "' in " + schema.simpleString());
    }
    return schema.apply(name);
  }

  private static void requireType(StructType schema, String name, DataType type) {
    DataType t = field(schema, name).dataType();
    if (!t.sameType(type)) {
      throw new IllegalArgumentException("column '" + name + "' is " + t.simpleString() + ", expected "
          + type.simpleString());
    }
  }
}
