/**
 * Turning attributions into pictures: Zennit's colour maps ({@link org.xai4j.report.image.ColorMap}),
 * heatmap rendering with symmetric or min-max scaling, overlays and whole-pixel enlargement ({@link org.xai4j.report.image.Heatmaps}).
 */
package org.xai4j.report.image;
