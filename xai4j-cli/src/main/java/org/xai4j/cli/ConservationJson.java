package org.xai4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.xai4j.explain.lrp.ConservationReport;

/**
 * An LRP conservation report as JSON ({@code xai4j explain --method lrp --per-layer}):
 * {@code {"targets": [...], "layers": [{"value", "op", "per_sample", "sums": [per sample], "ratios": [per sample]},
 * ...]}}, one entry per value in the report's order; a ratio is the value's relevance sum over the
 * seeded relevance. A value without a batch axis has {@code "per_sample": false} and one sum, the
 * batch's total.
 */
final class ConservationJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ConservationJson() {}

  /** The report as JSON bytes. */
  static byte[] bytes(ConservationReport report, int[] targets) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode t = root.putArray("targets");
    for (int target : targets) {
      t.add(target);
    }
    ArrayNode layers = root.putArray("layers");
    for (ConservationReport.Row r : report.rows()) {
      ObjectNode layer = layers.addObject().put("value", r.value()).put("op", r.op()).put("per_sample", r.perSample());
      ArrayNode sums = layer.putArray("sums");
      for (double s : r.sums()) {
        sums.add(s);
      }
      ArrayNode ratios = layer.putArray("ratios");
      for (double s : r.ratios()) {
        ratios.add(s);
      }
    }
    return JSON.writeValueAsBytes(root);
  }
}
