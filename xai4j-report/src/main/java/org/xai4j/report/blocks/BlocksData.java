package org.xai4j.report.blocks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.visualize.blocks.LayerBlocks;
import org.xai4j.visualize.blocks.SemanticDictionary;

/**
 * The page's data as a script ({@code window.XAI4J_BLOCKS = {...};}), which a page opened from
 * disk can load where a {@code fetch} of a JSON file would be refused. Per layer: the position grid,
 * the semantic dictionary ({@code [channel, activation]} per position, row by row), the icon of
 * each channel, and the position shown first (the one of largest activation x gradient).
 */
final class BlocksData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BlocksData() {}

  static String script(ReportModel model) {
    Map<String, Object> layers = new LinkedHashMap<>();
    for (ReportModel.LayerView v : model.layers()) {
      LayerBlocks b = v.blocks();
      SemanticDictionary d = b.dictionary();
      List<List<Object[]>> entries = new ArrayList<>();
      for (List<SemanticDictionary.Entry> at : d.entries()) {
        entries.add(at.stream().map(e -> new Object[] {e.channel(), e.activation()}).toList());
      }
      Map<String, String> icons = new LinkedHashMap<>();
      v.channelIcons().forEach((c, p) -> icons.put(Integer.toString(c), p));
      Map<String, Object> layer = new LinkedHashMap<>();
      layer.put("height", d.height());
      layer.put("width", d.width());
      layer.put("dictionary", entries);
      layer.put("icons", icons);
      layer.put("start", b.attributions().get(0).spatial().reshape(1, d.height() * d.width()).argmaxRows()[0]);
      layers.put(b.layer(), layer);
    }
    try {
      return "window.XAI4J_BLOCKS = " + JSON.writeValueAsString(Map.of("layers", layers)) + ";\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the report data: " + e.getMessage(), e);
    }
  }
}
