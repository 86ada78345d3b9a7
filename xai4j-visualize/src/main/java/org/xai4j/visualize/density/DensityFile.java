package org.xai4j.visualize.density;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.xai4j.io.AtomicFiles;
import org.xai4j.io.Npy;
import org.xai4j.tensor.Shape;

/**
 * Saves and loads fitted densities: one file format for every {@link DensityKind}, versioned.
 *
 * <p>A density file is a zip archive that NumPy reads as an {@code .npz} ({@code numpy.load}): an
 * entry {@value #META} with the metadata, and one {@code .npy} entry (little-endian float64, C order)
 * per parameter array. The metadata object has {@code "format": "xai4j-density"}, {@code "version"}
 * ({@value #VERSION}), {@code "kind"} ({@code gaussian}, {@code gmm} or {@code rbm}),
 * {@code "sampleShape"} (e.g. {@code [1, 28, 28]}, d values), {@code "description"} and
 * {@code "fit"} (the {@link FitRecord}). The arrays, for d values per sample:
 *
 * <ul>
 *   <li>{@code gaussian}: {@code mean [d]}, {@code cholesky [d, d]} (the lower Cholesky factor L of the
 *       covariance L L^T);
 *   <li>{@code gmm} with k components: {@code weights [k]}, {@code means [k, d]}, {@code cholesky [k, d, d]};
 *   <li>{@code rbm} with m hidden units: {@code weights [d, m]}, {@code visible_bias [d]},
 *       {@code hidden_bias [m]}, {@code sigma [d]}; the metadata adds {@code "logPartition"} (the AIS
 *       estimate of log Z).
 * </ul>
 *
 * <p>Parameters round-trip exactly. Writing is atomic ({@link AtomicFiles}); reading checks the
 * format, the version and every array's shape, and names the file and entry in every error.
 */
public final class DensityFile {
  /** The metadata entry. */
  public static final String META = "density.json";
  /** The value of the metadata's {@code format} field. */
  public static final String FORMAT = "xai4j-density";
  /** The format version this code writes and reads. */
  public static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DensityFile() {}

  /**
   * Writes a fitted density, atomically.
   *
   * @throws IOException naming the file if it cannot be written; the target is then unchanged
   */
  public static void write(Path file, FittedDensity fitted) throws IOException {
    Density density = fitted.density();
    ObjectNode meta = JSON.createObjectNode();
    meta.put("format", FORMAT);
    meta.put("version", VERSION);
    meta.put("kind", density.kind().id());
    ArrayNode shape = meta.putArray("sampleShape");
    for (int dim : density.sampleShape().toArray()) {
      shape.add(dim);
    }
    meta.put("description", density.describe());
    meta.set("fit", JSON.valueToTree(fitted.record()));
    Map<String, byte[]> arrays = new LinkedHashMap<>();
    int d = density.dimension();
    switch (density.kind()) {
      case GAUSSIAN -> {
        Gaussian g = (Gaussian) density;
        arrays.put("mean", Npy.encodeFloat64(Shape.of(d), g.mean()));
        arrays.put("cholesky", Npy.encodeFloat64(Shape.of(d, d), g.choleskyFactor()));
      }
      case MIXTURE -> {
        GaussianMixture m = (GaussianMixture) density;
        int k = m.size();
        double[] means = new double[k * d];
        double[] factors = new double[k * d * d];
        for (int c = 0; c < k; c++) {
          System.arraycopy(m.components().get(c).mean(), 0, means, c * d, d);
          System.arraycopy(m.components().get(c).choleskyFactor(), 0, factors, c * d * d, d * d);
        }
        arrays.put("weights", Npy.encodeFloat64(Shape.of(k), m.weights()));
        arrays.put("means", Npy.encodeFloat64(Shape.of(k, d), means));
        arrays.put("cholesky", Npy.encodeFloat64(Shape.of(k, d, d), factors));
      }
      case RBM -> {
        GaussianBernoulliRbm r = (GaussianBernoulliRbm) density;
        meta.put("logPartition", r.logPartition());
        arrays.put("weights", Npy.encodeFloat64(Shape.of(d, r.hidden()), r.weights()));
        arrays.put("visible_bias", Npy.encodeFloat64(Shape.of(d), r.visibleBias()));
        arrays.put("hidden_bias", Npy.encodeFloat64(Shape.of(r.hidden()), r.hiddenBias()));
        arrays.put("sigma", Npy.encodeFloat64(Shape.of(d), r.sigma()));
      }
    }
    byte[] metaBytes = JSON.writeValueAsBytes(meta);
    AtomicFiles.write(file, out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      zip.setLevel(Deflater.BEST_SPEED);
      zip.putNextEntry(new ZipEntry(META));
      zip.write(metaBytes);
      zip.closeEntry();
      for (Map.Entry<String, byte[]> a : arrays.entrySet()) {
        zip.putNextEntry(new ZipEntry(a.getKey() + ".npy"));
        zip.write(a.getValue());
        zip.closeEntry();
      }
      zip.finish();
    });
  }

  /**
   * Reads a density file.
   *
   * @throws IOException naming the file (and the entry) if it is missing, not a density file, of
   *     another format version, or holds arrays of the wrong shape
   */
  public static FittedDensity read(Path file) throws IOException {
    Map<String, byte[]> entries = entries(file);
    byte[] metaBytes = entries.get(META);
    if (metaBytes == null) {
      throw new IOException(file + ": not an xai4j density file (no " + META + " entry; entries " + entries.keySet()
          + ")");
    }
    JsonNode meta;
    try {
      meta = JSON.readTree(new String(metaBytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": " + META + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!FORMAT.equals(meta.path("format").asText())) {
      throw new IOException(file + ": not an xai4j density file (" + META + " has format '"
          + meta.path("format").asText() + "', expected '" + FORMAT + "')");
    }
    int version = meta.path("version").asInt(-1);
    if (version != VERSION) {
      throw new IOException(file + ": density file version " + version + " is not supported; this xai4j reads version "
          + VERSION);
    }
    DensityKind kind;
    Shape shape;
    FitRecord record;
    try {
      kind = DensityKind.byId(meta.path("kind").asText());
      List<Integer> dims = new ArrayList<>();
      meta.path("sampleShape").forEach(n -> dims.add(n.asInt()));
      shape = Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
      record = JSON.treeToValue(meta.path("fit"), FitRecord.class);
    } catch (IllegalArgumentException | IOException e) {
      throw new IOException(file + ": invalid " + META + ": " + e.getMessage(), e);
    }
    Entries arrays = new Entries(file, entries);
    int d = shape.size();
    try {
      Density density = switch (kind) {
        case GAUSSIAN -> Gaussian.ofCholesky(shape, arrays.get("mean", d), arrays.get("cholesky", d, d));
        case MIXTURE -> mixture(shape, arrays);
        case RBM -> {
          int m = arrays.dim("weights", 2, 1);
          yield GaussianBernoulliRbm.of(shape, m, arrays.get("weights", d, m), arrays.get("visible_bias", d),
              arrays.get("hidden_bias", m), arrays.get("sigma", d), meta.path("logPartition").asDouble(Double.NaN));
        }
      };
      return new FittedDensity(density, record);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": invalid " + kind.id() + " parameters: " + e.getMessage(), e);
    }
  }

  private static GaussianMixture mixture(Shape shape, Entries arrays) throws IOException {
    int d = shape.size();
    int k = arrays.dim("weights", 1, 0);
    double[] means = arrays.get("means", k, d);
    double[] factors = arrays.get("cholesky", k, d, d);
    List<Gaussian> components = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      components.add(Gaussian.ofCholesky(shape, Arrays.copyOfRange(means, c * d, (c + 1) * d),
          Arrays.copyOfRange(factors, c * d * d, (c + 1) * d * d)));
    }
    return GaussianMixture.of(arrays.get("weights", k), components);
  }

  private static Map<String, byte[]> entries(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such density file");
    }
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    } catch (ZipException e) {
      throw new IOException(file + ": not an xai4j density file (not a zip archive: " + e.getMessage() + ")", e);
    }
    if (entries.isEmpty()) {
      throw new IOException(file + ": not an xai4j density file (not a zip archive, or an empty one)");
    }
    return entries;
  }

  /** The .npy entries of one file, decoded on demand and checked against the shapes the metadata implies. */
  private static final class Entries {
    private final Path file;
    private final Map<String, byte[]> entries;

    Entries(Path file, Map<String, byte[]> entries) {
      this.file = file;
      this.entries = entries;
    }

    /** The size of axis {@code axis} of an entry of rank {@code rank}. */
    int dim(String name, int rank, int axis) throws IOException {
      Shape s = decode(name).shape();
      if (s.rank() != rank) {
        throw new IOException(file + ": entry " + name + ".npy has shape " + s + ", expected rank " + rank);
      }
      return s.dim(axis);
    }

    double[] get(String name, int... dims) throws IOException {
      Npy.Float64Array a = decode(name);
      if (!a.shape().equals(Shape.of(dims))) {
        throw new IOException(file + ": entry " + name + ".npy has shape " + a.shape() + ", expected "
            + Shape.of(dims));
      }
      return a.values();
    }

    private Npy.Float64Array decode(String name) throws IOException {
      byte[] bytes = entries.get(name + ".npy");
      if (bytes == null) {
        throw new IOException(file + ": density file has no entry " + name + ".npy");
      }
      return Npy.decodeFloat64(bytes, file + ":" + name + ".npy");
    }
  }
}
