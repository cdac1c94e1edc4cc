package de.digitalcheck.portal.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The radar chart of a result as geometry: one axis per dimension, rings for levels 1–5, the company's
 * polygon and optionally its peers'. The web page draws it as SVG and the PDF report with the same numbers.
 * Coordinates are in a {@code width} × {@code height} box with the centre in the middle (room for the labels
 * left and right); axis 0 points up.
 */
public record RadarChart(double width, double height, double radius, List<Axis> axes, List<String> rings, String shape,
                         String peerShape) {

    public static final int MAX = 5;

    /** One dimension's axis: its label, value (null: not applicable), end point and label anchor. */
    public record Axis(String label, Integer value, double x, double y, double labelX, double labelY, String anchor) {
    }

    public static RadarChart of(List<String> labels, List<Integer> values, List<Double> peers) {
        double width = 640;
        double height = 400;
        double radius = 140;
        double c = width / 2;
        double cy = height / 2;
        int n = labels.size();
        List<Axis> axes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = angle(i, n);
            double x = c + radius * Math.sin(angle);
            double y = cy - radius * Math.cos(angle);
            double lx = c + (radius + 14) * Math.sin(angle);
            double ly = cy - (radius + 14) * Math.cos(angle) + (Math.cos(angle) < -0.5 ? 12 : 4);
            String anchor = Math.abs(Math.sin(angle)) < 0.2 ? "middle" : Math.sin(angle) > 0 ? "start" : "end";
            axes.add(new Axis(labels.get(i), values.get(i), x, y, lx, ly, anchor));
        }
        List<String> rings = new ArrayList<>();
        for (int level = 1; level <= MAX; level++) {
            List<Double> ring = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ring.add((double) level);
            }
            rings.add(polygon(ring, c, cy, radius));
        }
        List<Double> own = values.stream().map(v -> v == null ? 0.0 : v.doubleValue()).toList();
        String peerShape = peers == null ? null
            : polygon(peers.stream().map(v -> v == null ? 0.0 : v).toList(), c, cy, radius);
        return new RadarChart(width, height, radius, List.copyOf(axes), List.copyOf(rings), polygon(own, c, cy, radius),
            peerShape);
    }

    /** The point of value {@code v} on axis {@code i} of {@code n} around the centre (cx, cy). */
    public static double[] point(int i, int n, double v, double cx, double cy, double radius) {
        double angle = angle(i, n);
        double r = radius * v / MAX;
        return new double[] {cx + r * Math.sin(angle), cy - r * Math.cos(angle)};
    }

    public double cx() {
        return width / 2;
    }

    public double cy() {
        return height / 2;
    }

    private static double angle(int i, int n) {
        return 2 * Math.PI * i / n;
    }

    private static String polygon(List<Double> values, double cx, double cy, double radius) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double[] p = point(i, values.size(), values.get(i), cx, cy, radius);
            if (i > 0) {
                points.append(' ');
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f", p[0], p[1]));
        }
        return points.toString();
    }
}
