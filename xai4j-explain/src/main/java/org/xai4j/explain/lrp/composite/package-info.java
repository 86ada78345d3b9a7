/**
 * Composites: ordered rule assignments by op group, first layer and node-name pattern (first match
 * wins), with Zennit's presets and deep Taylor in {@link org.xai4j.explain.lrp.composite.Composites}.
 */
package org.xai4j.explain.lrp.composite;
