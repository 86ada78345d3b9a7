package org.xai4j.report.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A linear colour map written in Zennit's colour-map specification language ({@code zennit.cmap}):
 * comma-separated RGB colours of 3 or 6 hex digits, each optionally preceded by a hex position
 * {@code 0..ff} and a colon ({@code "80:fff"}). Colours without a position are spread evenly
 * between their positioned neighbours (the first defaults to 0, the last to {@code ff}); values
 * between nodes are interpolated linearly. For example Zennit's {@code bwr} is
 * {@code "00f,80:fff,f00"}. The {@link #named built-in maps} are Zennit's.
 */
public final class ColorMap {
  /** Number of entries of a palette (8-bit). */
  public static final int PALETTE_SIZE = 256;
  private static final int MAX_INDEX = 255;
  private static final int END_INDEX = 256;
  private static final int CHANNELS = 3;
  private static final Pattern ENTRY =
      Pattern.compile("\\s*(?:([0-9a-fA-F]{1,2})\\s*:\\s*)?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\\s*");
  /** Rounding applied before truncating palette values, as Zennit's {@code round(12)}. */
  private static final double PALETTE_ROUNDING = 1e12;

  private static final Map<String, String> BUILT_IN = builtIn();

  private final String source;
  private final int[] indices;
  private final int[][] colors;

  private ColorMap(String source, int[] indices, int[][] colors) {
    this.source = source;
    this.indices = indices;
    this.colors = colors;
  }

  private static Map<String, String> builtIn() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("gray", "000,fff");
    m.put("wred", "fff,f00");
    m.put("wblue", "fff,00f");
    m.put("hot", "000,f00,ff0,fff");
    m.put("cold", "000,00f,0ff");
    m.put("coldnhot", "0ff,00f,80:000,f00,ff0,fff");
    m.put("bwr", "00f,80:fff,f00");
    m.put("france", "0055a4,80:fff,ef4135");
    m.put("seismic", "0000d0,80:d0d0d0,d00000");
    m.put("coolio", "00d0d0,80:d0d0d0,d000d0");
    m.put("coleus", "00d000,80:d0d0d0,d000d0");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Names of the built-in maps (Zennit's {@code CMAPS}). */
  public static List<String> names() {
    return List.copyOf(BUILT_IN.keySet());
  }

  /**
   * A built-in map by name.
   *
   * @throws IllegalArgumentException listing the names if {@code name} is unknown
   */
  public static ColorMap named(String name) {
    String src = BUILT_IN.get(name);
    if (src == null) {
      throw new IllegalArgumentException("unknown colour map '" + name + "'; choose one of " + names());
    }
    return parse(src);
  }

  /**
   * Compiles a map from its specification.
   *
   * @throws IllegalArgumentException naming the entry if the source is malformed, has fewer than
   *     two colours, or its positions decrease
   */
  public static ColorMap parse(String source) {
    String[] entries = source.split(",", -1);
    if (entries.length < 2) {
      throw new IllegalArgumentException("colour map '" + source + "' needs at least 2 colours");
    }
    List<Integer> idx = new ArrayList<>();
    List<int[]> col = new ArrayList<>();
    List<int[]> pending = new ArrayList<>();
    for (int e = 0; e < entries.length; e++) {
      Matcher m = ENTRY.matcher(entries[e]);
      if (!m.matches()) {
        throw new IllegalArgumentException("colour map '" + source + "': cannot read entry '" + entries[e] + "'");
      }
      int[] rgb = rgb(m.group(2));
      Integer at = m.group(1) == null ? null : Integer.parseInt(
          m.group(1).length() == 1 ? m.group(1) + m.group(1) : m.group(1), 16);
      boolean last = e == entries.length - 1;
      if (e == 0) {
        idx.add(0);
        col.add(rgb);
        if (at != null && at > 0) {
          idx.add(at);
          col.add(rgb);
        }
        continue;
      }
      if (at == null && !last) {
        pending.add(rgb);
        continue;
      }
      int position = at == null ? MAX_INDEX : at;
      int previous = idx.get(idx.size() - 1);
      if (position < previous) {
        throw new IllegalArgumentException("colour map '" + source + "': positions must ascend, "
            + Integer.toHexString(position) + " follows " + Integer.toHexString(previous));
      }
      for (int k = 0; k < pending.size(); k++) {
        double alpha = (k + 1.0) / (pending.size() + 1);
        idx.add((int) (previous * (1 - alpha) + position * alpha));
        col.add(pending.get(k));
      }
      pending.clear();
      idx.add(position);
      col.add(rgb);
    }
    idx.add(END_INDEX);
    col.add(col.get(col.size() - 1));
    return new ColorMap(source, idx.stream().mapToInt(Integer::intValue).toArray(), col.toArray(new int[0][]));
  }

  private static int[] rgb(String hex) {
    int[] c = new int[CHANNELS];
    int digits = hex.length() / CHANNELS;
    for (int k = 0; k < CHANNELS; k++) {
      String part = hex.substring(k * digits, (k + 1) * digits);
      c[k] = Integer.parseInt(digits == 1 ? part + part : part, 16);
    }
    return c;
  }

  /**
   * The colour at {@code v} in {@code [0, 1]} (clipped) as RGB components in {@code [0, 255]}.
   */
  public double[] color(double v) {
    double x = Math.min(MAX_INDEX, Math.max(0, v * MAX_INDEX));
    int i = 1;
    while (i < indices.length - 1 && indices[i] <= x) {
      i++;
    }
    double alpha = (x - indices[i - 1]) / (indices[i] - indices[i - 1]);
    double[] rgb = new double[CHANNELS];
    for (int k = 0; k < CHANNELS; k++) {
      rgb[k] = colors[i - 1][k] * (1 - alpha) + colors[i][k] * alpha;
    }
    return rgb;
  }

  /**
   * An 8-bit palette of {@value #PALETTE_SIZE} packed {@code 0xRRGGBB} colours, as Zennit's
   * {@code ColorMap.palette(level)}: entry {@code i} is the colour at
   * {@code clip((level * (2i/255 - 1) + 1) / 2, 0, 1)}. Level 1 uses the whole map; below 1 the
   * range shrinks towards the centre colour, above 1 it saturates earlier.
   */
  public int[] palette(double level) {
    int[] p = new int[PALETTE_SIZE];
    for (int i = 0; i < PALETTE_SIZE; i++) {
      double x = (-1.0 + 2.0 * i / MAX_INDEX) * level;
      double[] rgb = color(Math.min(1, Math.max(0, (x + 1) / 2)));
      int packed = 0;
      for (int k = 0; k < CHANNELS; k++) {
        double v = Math.round(rgb[k] * PALETTE_ROUNDING) / PALETTE_ROUNDING;
        packed = (packed << Byte.SIZE) | (int) Math.min(MAX_INDEX, Math.max(0, Math.floor(v)));
      }
      p[i] = packed;
    }
    return p;
  }

  /** The specification this map was compiled from. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "ColorMap(" + source + ", nodes at " + Arrays.toString(indices) + ")";
  }
}
