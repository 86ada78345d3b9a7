package org.xai4j.visualize.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.tensor.Tensor;
import org.xai4j.train.TrainingListener;

class DensityFileTest {
  private static final DensityFitter SMALL = DensityFitter.defaults()
      .withMixture(MixtureSettings.defaults().withComponents(2).withIterations(2, 0))
      .withRbm(RbmSettings.defaults().withHidden(16).withEpochs(1))
      .withAis(new AisSettings(8, 20, 0));

  @Test
  void everyKindRoundTripsExactly(@TempDir Path dir) throws IOException {
    Tensor train = pooled(Digits.train(300));
    Tensor heldOut = pooled(Digits.test(50));
    Tensor probe = pooled(Digits.test(3));
    for (DensityKind kind : DensityKind.values()) {
      FittedDensity fitted = SMALL.fit(kind, train, heldOut, "mnist (first 300 training digits)",
          TrainingListener.silent());
      Path file = dir.resolve(kind.id() + ".density");
      DensityFile.write(file, fitted);
      FittedDensity back = DensityFile.read(file);
      assertEquals(kind, back.density().kind());
      assertEquals(fitted.density().sampleShape(), back.density().sampleShape());
      assertEquals(fitted.record(), back.record());
      assertArrayEquals(fitted.density().logDensity(probe), back.density().logDensity(probe), kind.id());
      assertEquals(300, back.record().trainingSamples());
      assertTrue(Double.isFinite(back.record().heldOutLogLikelihood()), kind.id());
    }
  }

  @Test
  void theFileIsANumpyArchiveWithDocumentedEntries(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("g.density");
    DensityFile.write(file, SMALL.fit(DensityKind.MIXTURE, pooled(Digits.train(200)), null, "mnist", TrainingListener.silent()));
    java.util.List<String> names = new java.util.ArrayList<>();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      zip.stream().forEach(e -> names.add(e.getName()));
      String meta = new String(zip.getInputStream(zip.getEntry(DensityFile.META)).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(meta.contains("\"format\" : \"xai4j-density\""), meta);
      assertTrue(meta.contains("\"version\" : 1"), meta);
      assertTrue(meta.contains("\"kind\" : \"gmm\""), meta);
    }
    assertEquals(java.util.List.of("density.json", "weights.npy", "means.npy", "cholesky.npy"), names);
  }

  @Test
  void rejectsOtherFilesVersionsAndShapesNamingTheFile(@TempDir Path dir) throws IOException {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "hello");
    IOException e = assertThrows(IOException.class, () -> DensityFile.read(text));
    assertEquals(text + ": not an xai4j density file (not a zip archive, or an empty one)", e.getMessage());

    Path future = zip(dir.resolve("future.density"), "{\"format\": \"xai4j-density\", \"version\": 2}");
    e = assertThrows(IOException.class, () -> DensityFile.read(future));
    assertEquals(future + ": density file version 2 is not supported; this xai4j reads version 1", e.getMessage());

    Path other = zip(dir.resolve("other.density"), "{\"format\": \"something\"}");
    e = assertThrows(IOException.class, () -> DensityFile.read(other));
    assertEquals(other + ": not an xai4j density file (density.json has format 'something', expected "
        + "'xai4j-density')", e.getMessage());

    Path missing = zip(dir.resolve("missing.density"), "{\"format\": \"xai4j-density\", \"version\": 1, \"kind\": "
        + "\"gaussian\", \"sampleShape\": [2], \"fit\": {}}");
    e = assertThrows(IOException.class, () -> DensityFile.read(missing));
    assertEquals(missing + ": density file has no entry mean.npy", e.getMessage());

    Path absent = dir.resolve("absent.density");
    assertThrows(java.nio.file.NoSuchFileException.class, () -> DensityFile.read(absent));
  }

  private static Tensor pooled(Tensor digits) {
    int n = digits.shape().dim(0);
    return Tensor.of(org.xai4j.tensor.Shape.of(n, 1, 7, 7), Digits.pool(digits, 4));
  }

  private static Path zip(Path file, String meta) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry(DensityFile.META));
      zip.write(meta.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }
}
