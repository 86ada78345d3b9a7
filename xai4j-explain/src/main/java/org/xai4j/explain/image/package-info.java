/**
 * Turning attributions into pictures: Zennit's colour maps ({@link org.xai4j.explain.image.ColorMap}),
 * heatmap rendering with symmetric or min-max scaling and overlays
 * ({@link org.xai4j.explain.image.Heatmaps}), and bilinear resizing
 * ({@link org.xai4j.explain.image.Bilinear}).
 */
package org.xai4j.explain.image;
