package de.digitalcheck.portal.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The radar chart of a result as geometry: one axis per dimension, rings for levels 1–5, the company's
 * polygon and optionally its peers'. The web page draws it as SVG ({@link #rings()}, {@link #shape()},
 * {@link #peerShape()}) and the PDF report from the same points, so the two cannot disagree.
 * Coordinates are in a {@code width} × {@code height} box with the centre in the middle (room for the labels
 * left and right), y pointing down as in SVG; axis 0 points up.
 */
public record RadarChart(double width, double height, double radius, List<Axis> axes, List<List<Point>> ringPoints,
                         List<Point> points, List<Point> peerPoints, List<Point> potentialPoints) {

    public static final int MAX = 5;

    /** A point of the chart's box. */
    public record Point(double x, double y) {
    }

    /**
     * One dimension's axis: its label, value (null: not applicable), end point and label anchor, and its potential
     * (null where it does not apply or no potential was given).
     */
    public record Axis(String label, Integer value, double x, double y, double labelX, double labelY, String anchor,
                       Integer potential) {
    }

    public static RadarChart of(List<String> labels, List<Integer> values, List<Double> peers) {
        return of(labels, values, peers, null);
    }

    /**
     * @param potentials the potential per axis (the level without the capping answers), drawn as a second outline where
     *                   any is above its value; {@code null}: no outline
     */
    public static RadarChart of(List<String> labels, List<Integer> values, List<Double> peers, List<Integer> potentials) {
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
            axes.add(new Axis(labels.get(i), values.get(i), x, y, lx, ly, anchor,
                potentials == null ? null : potentials.get(i)));
        }
        List<List<Point>> rings = new ArrayList<>();
        for (int level = 1; level <= MAX; level++) {
            List<Double> ring = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ring.add((double) level);
            }
            rings.add(polygon(ring, c, cy, radius));
        }
        List<Double> own = values.stream().map(v -> v == null ? 0.0 : v.doubleValue()).toList();
        List<Point> peerPoints = peers == null ? null
            : polygon(peers.stream().map(v -> v == null ? 0.0 : v).toList(), c, cy, radius);
        boolean above = potentials != null && java.util.stream.IntStream.range(0, n)
            .anyMatch(i -> potentials.get(i) != null && values.get(i) != null && potentials.get(i) > values.get(i));
        List<Point> potentialPoints = above
            ? polygon(potentials.stream().map(v -> v == null ? 0.0 : v.doubleValue()).toList(), c, cy, radius) : null;
        return new RadarChart(width, height, radius, List.copyOf(axes), List.copyOf(rings), polygon(own, c, cy, radius),
            peerPoints, potentialPoints);
    }

    /** The point of value {@code v} on axis {@code i} of {@code n} around the centre (cx, cy). */
    public static double[] point(int i, int n, double v, double cx, double cy, double radius) {
        double angle = angle(i, n);
        double r = radius * v / MAX;
        return new double[] {cx + r * Math.sin(angle), cy - r * Math.cos(angle)};
    }

    /** The value (0–5) that a point of this chart stands for on its axis: its distance from the centre. */
    public double valueAt(Point p) {
        return Math.hypot(p.x() - cx(), p.y() - cy()) / radius * MAX;
    }

    public double cx() {
        return width / 2;
    }

    public double cy() {
        return height / 2;
    }

    /** The level rings as SVG polygon points. */
    public List<String> rings() {
        return ringPoints.stream().map(RadarChart::svg).toList();
    }

    /** The company's polygon as SVG polygon points. */
    public String shape() {
        return svg(points);
    }

    /** The potential's polygon as SVG polygon points, {@code null} where nothing caps a level. */
    public String potentialShape() {
        return potentialPoints == null ? null : svg(potentialPoints);
    }

    /** The peers' polygon as SVG polygon points, {@code null} without a benchmark. */
    public String peerShape() {
        return peerPoints == null ? null : svg(peerPoints);
    }

    /**
     * The peers' value on axis {@code i} as a percentage of the top level ({@code "42.0"}), where the bars that stand
     * in for the chart on a phone mark it; {@code null} without a benchmark.
     */
    public String peerPercent(int i) {
        return peerPoints == null ? null
            : String.format(Locale.ROOT, "%.1f", valueAt(peerPoints.get(i)) / MAX * 100);
    }

    private static double angle(int i, int n) {
        return 2 * Math.PI * i / n;
    }

    private static List<Point> polygon(List<Double> values, double cx, double cy, double radius) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double[] p = point(i, values.size(), values.get(i), cx, cy, radius);
            points.add(new Point(p[0], p[1]));
        }
        return List.copyOf(points);
    }

    private static String svg(List<Point> points) {
        StringBuilder svg = new StringBuilder();
        for (Point p : points) {
            if (!svg.isEmpty()) {
                svg.append(' ');
            }
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f", p.x(), p.y()));
        }
        return svg.toString();
    }
}
