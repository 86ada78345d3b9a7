package org.xai4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xai4j.io.Npy;
import org.xai4j.visualize.objective.Objective;
import org.xai4j.visualize.objective.Objectives;

/**
 * The objective mini-language of {@code xai4j visualize --objective}: a sum of terms separated by
 * {@code " + "} or {@code " - "} (with spaces, so that node names may contain dashes), each term an
 * optional {@code WEIGHT*} factor, a primitive, and an optional {@code @ITEM} suffix that applies it to
 * one image of the batch. Primitives:
 *
 * <pre>
 *   neuron:NODE:C[:Y:X]    channel:NODE:C       deepdream:NODE
 *   logit:NODE:K           prob:NODE:K          diversity:NODE
 *   direction:NODE:V[:POW] direction_neuron:NODE:V[:POW]   (V: w1,w2,... or a file.npy)
 *   l1  l2  tv  blur       (image penalties; subtract them)
 * </pre>
 *
 * For example {@code "channel:conv3:5 - 0.5*neuron:conv3:7"} or
 * {@code "channel:relu4:3@0 + channel:relu4:9@1 - 0.001*tv"}.
 */
final class ObjectiveParser {
  /** The primitive kinds, for error messages. */
  static final List<String> KINDS = List.of("neuron", "channel", "deepdream", "logit", "prob", "diversity",
      "direction", "direction_neuron", "l1", "l2", "tv", "blur");

  private ObjectiveParser() {}

  /**
   * Parses an expression.
   *
   * @throws IllegalArgumentException naming the term that cannot be parsed and listing the kinds
   */
  static Objective parse(String expression) {
    String text = expression.trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("--objective is empty; for example channel:NODE:5");
    }
    List<String> terms = new ArrayList<>();
    List<Integer> signs = new ArrayList<>();
    int sign = 1;
    int start = 0;
    for (int i = 0; i + 2 < text.length(); i++) {
      char c = text.charAt(i + 1);
      if (text.charAt(i) == ' ' && (c == '+' || c == '-') && text.charAt(i + 2) == ' ') {
        terms.add(text.substring(start, i).trim());
        signs.add(sign);
        sign = c == '+' ? 1 : -1;
        start = i + 3;
        i += 2;
      }
    }
    terms.add(text.substring(start).trim());
    signs.add(sign);
    Objective sum = null;
    for (int i = 0; i < terms.size(); i++) {
      Objective t = term(terms.get(i)).times(signs.get(i));
      sum = sum == null ? t : sum.plus(t);
    }
    return sum;
  }

  private static Objective term(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("--objective has an empty term; separate terms with ' + ' or ' - '");
    }
    double weight = 1;
    String body = text;
    int star = text.indexOf('*');
    if (star >= 0) {
      weight = number(text.substring(0, star).trim(), text, "weight");
      body = text.substring(star + 1).trim();
    }
    Integer item = null;
    int at = body.lastIndexOf('@');
    if (at >= 0) {
      item = (int) number(body.substring(at + 1).trim(), text, "batch item");
      body = body.substring(0, at).trim();
    }
    Objective o = primitive(body, text);
    if (item != null) {
      o = o.forItem(item);
    }
    return weight == 1 ? o : o.times(weight);
  }

  private static Objective primitive(String body, String term) {
    String[] p = body.split(":", -1);
    String kind = p[0].trim().toLowerCase(Locale.ROOT);
    switch (kind) {
      case "l1":
        return noArguments(p, term, Objectives.l1());
      case "l2":
        return noArguments(p, term, Objectives.l2());
      case "tv":
        return noArguments(p, term, Objectives.totalVariation());
      case "blur":
        return noArguments(p, term, Objectives.blurEachStep());
      case "deepdream":
      case "layer":
        return Objectives.deepDream(arguments(p, 1, 1, term)[0]);
      case "diversity":
        return Objectives.diversity(arguments(p, 1, 1, term)[0]);
      case "channel":
        return Objectives.channel(arguments(p, 2, 2, term)[0], index(p[2], term));
      case "logit":
        return Objectives.classLogit(arguments(p, 2, 2, term)[0], index(p[2], term));
      case "prob":
        return Objectives.classProbability(arguments(p, 2, 2, term)[0], index(p[2], term));
      case "neuron": {
        String[] a = arguments(p, 2, 4, term);
        if (a.length == 3) {
          throw new IllegalArgumentException("objective term '" + term + "': neuron takes NODE:C or NODE:C:Y:X");
        }
        return a.length == 2 ? Objectives.neuron(a[0], index(a[1], term))
            : Objectives.neuron(a[0], index(a[1], term), index(a[2], term), index(a[3], term));
      }
      case "direction":
      case "direction_neuron": {
        String[] a = arguments(p, 2, 3, term);
        float[] v = vector(a[1], term);
        double pow = a.length == 3 ? number(a[2], term, "cosine power") : 0;
        return kind.equals("direction") ? Objectives.direction(a[0], v, pow) : Objectives.directionNeuron(a[0], v, pow);
      }
      default:
        throw new IllegalArgumentException("objective term '" + term + "': unknown kind '" + p[0] + "'; choose from "
            + KINDS);
    }
  }

  private static Objective noArguments(String[] p, String term, Objective o) {
    if (p.length != 1) {
      throw new IllegalArgumentException("objective term '" + term + "': " + p[0] + " takes no arguments");
    }
    return o;
  }

  /** The arguments after the kind; between {@code min} and {@code max} of them. */
  private static String[] arguments(String[] p, int min, int max, String term) {
    int n = p.length - 1;
    if (n < min || n > max) {
      throw new IllegalArgumentException("objective term '" + term + "': " + p[0] + " takes " + (min == max ? min
          : min + " to " + max) + " arguments separated by ':', got " + n);
    }
    String[] a = new String[n];
    for (int i = 0; i < n; i++) {
      a[i] = p[i + 1].trim();
      if (a[i].isEmpty()) {
        throw new IllegalArgumentException("objective term '" + term + "': argument " + (i + 1) + " is empty");
      }
    }
    return a;
  }

  private static int index(String s, String term) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("objective term '" + term + "': '" + s + "' is not an index");
    }
  }

  private static double number(String s, String term, String what) {
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("objective term '" + term + "': '" + s + "' is not a " + what);
    }
  }

  private static float[] vector(String s, String term) {
    if (s.endsWith(".npy")) {
      Path file = Path.of(s);
      if (!Files.exists(file)) {
        throw new IllegalArgumentException("objective term '" + term + "': no direction file " + file);
      }
      try {
        return Npy.read(file).toArray();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read direction " + file, e);
      }
    }
    String[] parts = s.split(",");
    float[] v = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = (float) number(parts[i].trim(), term, "direction weight");
    }
    return v;
  }
}
