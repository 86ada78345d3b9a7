package org.xai4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.xai4j.testing.SharedFolder;

/**
 * The fuzzers' contract on a fixed, reproducible corpus without Jazzer: every ONNX conformance model of
 * {@code ../shared/onnx-conformance}, each cut short at eight points and with eight single-byte corruptions (seeded),
 * ends in a graph or in a documented exception ({@link ReaderFuzzTest#documentedOutcome}).
 */
class MutatedModelsTest {
  private static final int CUTS = 8;
  private static final int FLIPS = 8;

  @Test
  void conformanceModelsAndTheirMutationsEndInAGraphOrADocumentedException() throws Exception {
    Path root = SharedFolder.require("onnx-conformance");
    List<Path> models;
    try (Stream<Path> s = Files.walk(root)) {
      models = s.filter(p -> p.getFileName().toString().equals("model.onnx")).sorted().toList();
    }
    assertTrue(models.size() > 100, models.size() + " models under " + root);
    ReaderFuzzTest fuzz = new ReaderFuzzTest();
    Random random = new Random(16);
    int inputs = 0;
    for (Path model : models) {
      byte[] bytes = Files.readAllBytes(model);
      for (byte[] variant : variants(bytes, random)) {
        try {
          fuzz.onnxModel(variant);
        } catch (Exception | Error e) {
          throw new AssertionError(model + " (" + variant.length + " of " + bytes.length + " bytes): " + e, e);
        }
        inputs++;
      }
    }
    assertTrue(inputs >= models.size() * (1 + CUTS + FLIPS), inputs + " inputs");
  }

  private static List<byte[]> variants(byte[] bytes, Random random) {
    List<byte[]> v = new java.util.ArrayList<>();
    v.add(bytes);
    for (int i = 1; i <= CUTS; i++) {
      v.add(Arrays.copyOf(bytes, bytes.length * i / (CUTS + 1)));
    }
    for (int i = 0; i < FLIPS; i++) {
      byte[] b = bytes.clone();
      b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
      v.add(b);
    }
    return v;
  }
}
