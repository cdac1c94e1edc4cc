package de.digitalcheck.portal.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The radar chart of a result as geometry: one axis per dimension, rings for levels 1–5, the company's
 * polygon and optionally its peers'. The web page draws it as SVG and the PDF report with the same numbers.
 * Coordinates are in a square of {@code size} units with the centre in the middle; axis 0 points up.
 */
public record RadarChart(double size, double radius, List<Axis> axes, List<String> rings, String shape, String peerShape) {

    public static final int MAX = 5;

    /** One dimension's axis: its label, value (null: not applicable), end point and label anchor. */
    public record Axis(String label, Integer value, double x, double y, double labelX, double labelY, String anchor) {
    }

    public static RadarChart of(List<String> labels, List<Integer> values, List<Double> peers) {
        double size = 400;
        double radius = 120;
        double c = size / 2;
        int n = labels.size();
        List<Axis> axes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = angle(i, n);
            double x = c + radius * Math.sin(angle);
            double y = c - radius * Math.cos(angle);
            double lx = c + (radius + 18) * Math.sin(angle);
            double ly = c - (radius + 18) * Math.cos(angle) + 4;
            String anchor = Math.abs(Math.sin(angle)) < 0.2 ? "middle" : Math.sin(angle) > 0 ? "start" : "end";
            axes.add(new Axis(labels.get(i), values.get(i), x, y, lx, ly, anchor));
        }
        List<String> rings = new ArrayList<>();
        for (int level = 1; level <= MAX; level++) {
            List<Double> ring = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ring.add((double) level);
            }
            rings.add(polygon(ring, c, radius));
        }
        List<Double> own = values.stream().map(v -> v == null ? 0.0 : v.doubleValue()).toList();
        String peerShape = peers == null ? null : polygon(peers.stream().map(v -> v == null ? 0.0 : v).toList(), c, radius);
        return new RadarChart(size, radius, List.copyOf(axes), List.copyOf(rings), polygon(own, c, radius), peerShape);
    }

    /** The point of value {@code v} on axis {@code i} of {@code n}. */
    public static double[] point(int i, int n, double v, double centre, double radius) {
        double angle = angle(i, n);
        double r = radius * v / MAX;
        return new double[] {centre + r * Math.sin(angle), centre - r * Math.cos(angle)};
    }

    public double centre() {
        return size / 2;
    }

    private static double angle(int i, int n) {
        return 2 * Math.PI * i / n;
    }

    private static String polygon(List<Double> values, double centre, double radius) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double[] p = point(i, values.size(), values.get(i), centre, radius);
            if (i > 0) {
                points.append(' ');
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f", p[0], p[1]));
        }
        return points.toString();
    }
}
