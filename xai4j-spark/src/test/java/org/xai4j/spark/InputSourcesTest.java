package org.xai4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.data.LabeledImages;
import org.xai4j.data.Mnist;
import org.xai4j.io.Npy;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Spark's {@code image} and {@code binaryFile} sources and array columns give the same samples,
 * and rows that cannot be explained get a message in the error column while the others are
 * explained.
 */
class InputSourcesTest {
  private static final int DIGITS = 4;
  private static final String METHOD = "gradient-x-input";
  @TempDir static Path dir;
  private static LabeledImages digits;
  private static Path images;

  @BeforeAll
  static void writeFiles() throws Exception {
    digits = Mnist.load().test().subset(new int[] {0, 1, 2, 3});
    images = Files.createDirectory(dir.resolve("digits"));
    for (int i = 0; i < DIGITS; i++) {
      float[] v = digits.images().slice0(i, i + 1).toArray();
      BufferedImage img = new BufferedImage(Mnist.SIDE, Mnist.SIDE, BufferedImage.TYPE_BYTE_GRAY);
      for (int p = 0; p < v.length; p++) {
        img.getRaster().setSample(p % Mnist.SIDE, p / Mnist.SIDE, 0, Math.round(v[p] * 255));
      }
      ImageIO.write(img, "png", images.resolve("digit" + i + ".png").toFile());
    }
  }

  /** Relevance per digit file name from explaining {@code rows} with the bundled mnist-cnn. */
  private static Map<String, float[]> relevanceByFile(Dataset<Row> rows, String pathColumn) {
    Map<String, float[]> m = new TreeMap<>();
    for (Row r : explain().transform(rows).collectAsList()) {
      assertNull(r.getAs(ExplanationColumns.ERROR));
      String path = pathColumn.equals("image") ? r.getStruct(r.fieldIndex("image")).getAs("origin") : r.getAs(pathColumn);
      m.put(Path.of(path.replace("file:", "")).getFileName().toString(), TestRows.floats(r, ExplanationColumns.RELEVANCE));
    }
    return m;
  }

  private static Explain explain() {
    return Explain.model(TestModels.mnistCnnBytes(), "mnist-cnn.onnx").withMethods(METHOD);
  }

  @Test
  void imageAndBinaryFileSourcesEqualTheArrayColumns() {
    Map<String, float[]> fromImageSource = relevanceByFile(
        LocalSpark.session().read().format("image").load(images.toString()), "image");
    Map<String, float[]> fromFiles = relevanceByFile(
        LocalSpark.session().read().format("binaryFile").load(images.toString()), "path");
    List<Row> fromArrays = explain().transform(LocalSpark.arrays(digits.images(), digits.labels(), 1)).collectAsList();
    assertEquals(DIGITS, fromImageSource.size());
    for (int i = 0; i < DIGITS; i++) {
      float[] expected = TestRows.floats(fromArrays.get(i), ExplanationColumns.RELEVANCE);
      // grey PNGs of the digits' bytes decode to the same floats, so every source explains the same sample
      assertArrayEquals(expected, fromImageSource.get("digit" + i + ".png"), 0f);
      assertArrayEquals(expected, fromFiles.get("digit" + i + ".png"), 0f);
    }
  }

  @Test
  void npyFilesAreReadWithOrWithoutBatchAxis() throws Exception {
    Path npy = Files.createDirectory(dir.resolve("npy"));
    Tensor x = digits.images();
    Npy.write(npy.resolve("a.npy"), x.slice0(0, 1));
    Npy.write(npy.resolve("b.npy"), x.slice0(1, 2).reshape(1, Mnist.SIDE, Mnist.SIDE));
    List<Row> out = explain().transform(LocalSpark.session().read().format("binaryFile").load(npy.toString())
        .orderBy("path")).collectAsList();
    List<Row> arrays = explain().transform(LocalSpark.arrays(x.slice0(0, 2), digits.labels(), 1)).collectAsList();
    for (int i = 0; i < 2; i++) {
      assertNull(out.get(i).getAs(ExplanationColumns.ERROR));
      assertArrayEquals(TestRows.floats(arrays.get(i), ExplanationColumns.RELEVANCE),
          TestRows.floats(out.get(i), ExplanationColumns.RELEVANCE), 0f);
    }
  }

  @Test
  void badRowsGetAnErrorAndTheOthersAreExplained() throws Exception {
    Path mixed = Files.createDirectory(dir.resolve("mixed"));
    Files.copy(images.resolve("digit0.png"), mixed.resolve("0-good.png"));
    Files.writeString(mixed.resolve("1-text.png"), "not an image", StandardCharsets.US_ASCII);
    BufferedImage colour = new BufferedImage(Mnist.SIDE, Mnist.SIDE, BufferedImage.TYPE_INT_RGB);
    colour.setRGB(3, 4, 0xff0000);
    ImageIO.write(colour, "png", mixed.resolve("2-colour.png").toFile());
    ImageIO.write(new BufferedImage(5, 7, BufferedImage.TYPE_BYTE_GRAY), "png", mixed.resolve("3-small.png").toFile());
    Npy.write(mixed.resolve("4-shape.npy"), Tensor.zeros(Shape.of(2, 1, 28, 28)));
    List<Row> out = explain().transform(LocalSpark.session().read().format("binaryFile").load(mixed.toString())
        .orderBy("path")).collectAsList();
    assertEquals(5, out.size());
    assertNull(out.get(0).getAs(ExplanationColumns.ERROR));
    assertEquals(METHOD, out.get(1).getAs(ExplanationColumns.METHOD));
    assertNull(out.get(1).getAs(ExplanationColumns.RELEVANCE));
    assertEquals(out.get(1).getAs("path") + ": not a PNG/JPEG image or .npy array (12 bytes)",
        out.get(1).getAs(ExplanationColumns.ERROR));
    assertEquals("sample of shape [1, 3, 28, 28] does not fit the model input input[?, 1, 28, 28] "
        + "(a colour image for a grey model)", out.get(2).getAs(ExplanationColumns.ERROR));
    assertEquals("sample of shape [1, 1, 7, 5] does not fit the model input input[?, 1, 28, 28]",
        out.get(3).getAs(ExplanationColumns.ERROR));
    assertEquals("sample of shape [2, 1, 28, 28] does not fit the model input input[?, 1, 28, 28]",
        out.get(4).getAs(ExplanationColumns.ERROR));
  }

  @Test
  void badArrayRowsAndTargetsGetAnError() {
    StructType schema = LocalSpark.ARRAY_SCHEMA;
    float[] digit = digits.images().slice0(0, 1).toArray();
    float[] nan = digit.clone();
    nan[17] = Float.NaN;
    List<Row> rows = new ArrayList<>(List.of(
        RowFactory.create(0, 7, digit, new int[] {1, 28, 28}),
        RowFactory.create(1, 7, new float[] {1, 2, 3}, new int[] {1, 28, 28}),
        RowFactory.create(2, 7, new float[] {1, 2, 3}, new int[] {3}),
        RowFactory.create(3, 7, nan, new int[] {1, 28, 28}),
        RowFactory.create(4, 12, digit, new int[] {1, 28, 28})));
    List<Row> out = explain().withTarget(RowTarget.column("label"))
        .transform(LocalSpark.session().createDataFrame(rows, schema)).collectAsList();
    assertNull(out.get(0).getAs(ExplanationColumns.ERROR));
    assertEquals(7, out.get(0).<Integer>getAs(ExplanationColumns.TARGET));
    assertEquals("shape [1, 28, 28] needs 784 values, the row has 3", out.get(1).getAs(ExplanationColumns.ERROR));
    assertEquals("sample of shape [3] does not fit the model input input[?, 1, 28, 28]",
        out.get(2).getAs(ExplanationColumns.ERROR));
    assertEquals("value 17 of the sample is NaN", out.get(3).getAs(ExplanationColumns.ERROR));
    assertEquals("target 12 is outside the model's 10 outputs", out.get(4).getAs(ExplanationColumns.ERROR));
  }

  @Test
  void wrongSchemaMethodOrModelFailOnTheDriverWithOneLine() {
    Dataset<Row> arrays = LocalSpark.arrays(digits.images(), digits.labels(), 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> explain().transform(arrays.drop("shape")));
    assertTrue(e.getMessage().startsWith("cannot tell where the input is in struct<id:int,label:int,values:array<float>>"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> explain().withMethods("lrp:nope").transform(arrays));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> explain().withMethods("grad-cam:conv9").transform(arrays));
    assertEquals("Grad-CAM layer 'conv9' is not a node of the graph", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Explain.model("junk".getBytes(StandardCharsets.US_ASCII), "junk.onnx").transform(arrays));
    assertTrue(e.getMessage().startsWith("junk.onnx: "), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> explain().transform(explain().transform(arrays)));
    assertEquals("the input already has a column 'method'; drop or rename it before explaining", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> explain().withTarget(RowTarget.column("values")).transform(arrays));
    assertEquals("target column 'values' is array<float>, expected an integer type", e.getMessage());
    assertEquals(DataTypes.StringType, explain().transformSchema(arrays.schema()).apply("error").dataType());
  }
}
