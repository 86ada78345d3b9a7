package org.xai4j.visualize.prototype;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xai4j.explain.image.Png;
import org.xai4j.io.AtomicFiles;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Writes the prototypes of several methods as one labelled image grid ({@code GRID.png}: rows are
 * classes, columns methods, each cell labelled with the target probability p and the data distance
 * d) and the measurements beside it ({@code GRID.json}, same name with {@code .json}):
 *
 * <pre>
 * {"model": ..., "classes": [...], "seed": ..., "settings": {...},
 *  "methods": {"l2": {"description": ..., "seconds": ..., "fit": null | {...}, "expertFitted": false,
 *                     "summary": {...},
 *                     "classes": {"3": {"targetProbability": 0.97, "dataDistance": 5.1,
 *                                       "logLikelihood": null, "steps": 200}, ...}}, ...}}
 * </pre>
 *
 * <p>Every method has the same keys; {@code logLikelihood} is the expert's log-density at the
 * prototype and null for methods without an expert. Pixels are drawn grey on the fixed input range
 * (not rescaled per cell), so cells are comparable. Both files are written atomically.
 */
public final class PrototypeGrid {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Each pixel of a prototype becomes a square of this many pixels. */
  static final int ZOOM = 3;
  private static final int PAD = 6;
  private static final int HEADER = 18;
  private static final int LABEL = 14;
  private static final int ROW_HEADER = 28;
  private static final int FONT_SIZE = 11;
  private static final int MAX_BYTE = 255;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PrototypeGrid() {}

  /**
   * Writes {@code png} and the JSON beside it.
   *
   * @param model names the model in the JSON
   * @param results one entry per column, all for the same classes
   * @param settings the run's settings for the JSON (seeds included)
   * @param range the input range the pixels are drawn on
   * @param existing whether existing files are replaced; both files appear together
   * @throws IOException naming the file if a file cannot be written; targets are then unchanged
   */
  public static void write(Path png, String model, List<MethodResult> results, Map<String, Object> settings,
      SigmoidPixels range, AtomicFiles.Existing existing) throws IOException {
    byte[] image = Png.encode(render(results, range));
    byte[] bytes = JSON.writeValueAsBytes(json(model, results, settings));
    try (AtomicFiles.Group files = AtomicFiles.group(existing)) {
      files.add(png, out -> out.write(image)).add(jsonPath(png), out -> out.write(bytes)).commit();
    }
  }

  /** The JSON file beside a PNG: the same name with {@code .json}. */
  public static Path jsonPath(Path png) {
    String name = png.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return png.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
  }

  /** The grid image. */
  static BufferedImage render(List<MethodResult> results, SigmoidPixels range) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("a prototype grid needs at least one method");
    }
    int[] classes = results.get(0).prototypes().classes();
    Shape shape = results.get(0).prototypes().images().shape();
    if (shape.rank() != 4 || (shape.dim(1) != 1 && shape.dim(1) != 3)) {
      throw new IllegalArgumentException("prototype images must be [N, 1 or 3, H, W] to draw, got " + shape);
    }
    int h = shape.dim(2) * ZOOM;
    int w = shape.dim(3) * ZOOM;
    int cellW = Math.max(w, 80) + PAD;
    int cellH = h + LABEL + PAD;
    BufferedImage img = new BufferedImage(ROW_HEADER + cellW * results.size(), HEADER + cellH * classes.length,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE));
    FontMetrics fm = g.getFontMetrics();
    for (int m = 0; m < results.size(); m++) {
      MethodResult r = results.get(m);
      if (!java.util.Arrays.equals(r.prototypes().classes(), classes)) {
        throw new IllegalArgumentException("every method of a grid needs the same classes");
      }
      String name = r.method().id();
      g.drawString(name, ROW_HEADER + m * cellW + (cellW - fm.stringWidth(name)) / 2, HEADER - PAD / 2);
      for (int c = 0; c < classes.length; c++) {
        int x0 = ROW_HEADER + m * cellW + (cellW - w) / 2;
        int y0 = HEADER + c * cellH;
        g.drawImage(cell(r.prototypes().images(), c, range), x0, y0, null);
        PrototypeQuality q = r.quality().get(c);
        String label = String.format(Locale.ROOT, "p=%.2f d=%.1f", q.targetProbability(), q.dataDistance());
        g.drawString(label, ROW_HEADER + m * cellW + (cellW - fm.stringWidth(label)) / 2, y0 + h + LABEL - 2);
      }
    }
    for (int c = 0; c < classes.length; c++) {
      String label = Integer.toString(classes[c]);
      g.drawString(label, (ROW_HEADER - fm.stringWidth(label)) / 2, HEADER + c * cellH + h / 2 + fm.getAscent() / 2);
    }
    g.dispose();
    return img;
  }

  /** Prototype {@code index} of a batch, zoomed, with the range mapped to black..white. */
  private static BufferedImage cell(Tensor images, int index, SigmoidPixels range) {
    Shape s = images.shape();
    int ch = s.dim(1);
    int h = s.dim(2);
    int w = s.dim(3);
    float[] v = INTERNALS.array(images);
    BufferedImage img = new BufferedImage(w * ZOOM, h * ZOOM, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h * ZOOM; y++) {
      for (int x = 0; x < w * ZOOM; x++) {
        int rgb = 0;
        for (int k = 0; k < 3; k++) {
          int c = ch == 1 ? 0 : k;
          double u = (v[((index * ch + c) * h + y / ZOOM) * w + x / ZOOM] - range.low()) / (range.high() - range.low());
          rgb = (rgb << Byte.SIZE) | (int) Math.round(MAX_BYTE * Math.max(0, Math.min(1, u)));
        }
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }

  /** The JSON document. */
  static Map<String, Object> json(String model, List<MethodResult> results, Map<String, Object> settings) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("model", model);
    root.put("classes", results.get(0).prototypes().classes());
    root.put("settings", settings);
    Map<String, Object> methods = new LinkedHashMap<>();
    for (MethodResult r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("description", r.description());
      m.put("seconds", r.seconds());
      m.put("fit", r.fit().orElse(null));
      m.put("expertFitted", r.expertFitted());
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("targetProbability", r.meanTargetProbability());
      summary.put("minTargetProbability", r.minTargetProbability());
      summary.put("dataDistance", r.meanDataDistance());
      summary.put("logLikelihood", r.meanLogLikelihood().orElse(null));
      m.put("summary", summary);
      Map<String, Object> classes = new LinkedHashMap<>();
      for (PrototypeQuality q : r.quality()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("targetProbability", q.targetProbability());
        c.put("dataDistance", q.dataDistance());
        c.put("logLikelihood", q.logLikelihood().isPresent() ? q.logLikelihood().getAsDouble() : null);
        c.put("steps", q.steps());
        classes.put(Integer.toString(q.classIndex()), c);
      }
      m.put("classes", classes);
      methods.put(r.method().id(), m);
    }
    root.put("methods", methods);
    return root;
  }
}
