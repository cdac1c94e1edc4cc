package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.shared.i18n.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bar charts as server-rendered SVG (no JavaScript): one row per label, one bar per series, the value
 * beside each bar; the same rows make the chart's table alternative. Coordinates are in a fixed view box that the page
 * scales to its width: each label stands above its bars, so the box is narrow (360 units) and a phone (about 358 px of
 * width) shows the 13-unit labels at about 13 px; the stylesheet caps the width at reading size (30rem).
 */
final class DashboardCharts {

    static final int WIDTH = 360;
    private static final double BAR_START = 0;
    /** Room for the value beside the longest bar ("100,0" / "100.0"). */
    private static final double BAR_SPACE = 300;
    private static final double BAR_HEIGHT = 16;
    /** The label's line above the bars. */
    private static final double LABEL_LINE = 21;
    private static final String[] FILLS = {"#004b76", "#6b6f73"};

    private DashboardCharts() {
    }

    /** A series: its name (legend and table column). */
    record Series(String name, String fill) {
    }

    /** A bar as drawn. */
    record Bar(String x, String y, String width, String height, String fill, String value, String valueX,
               String valueY) {
    }

    /** A row: its label, the values as text (for the table) and the bars. */
    record Row(String label, String labelY, List<String> values, List<Bar> bars) {
    }

    record Chart(String id, String title, String description, String height, List<Series> series, List<Row> rows) {

        public String viewBox() {
            return "0 0 " + WIDTH + " " + height;
        }

        /**
         * The SVG's {@code title} and {@code desc}, escaped: written as markup because the layout takes the page's
         * {@code title} elements for the document's title.
         */
        public String titleAndDescription() {
            return "<title id=\"" + id + "-title\">" + escape(title) + "</title><desc id=\"" + id + "-desc\">"
                + escape(description) + "</desc>";
        }
    }

    /** One row of input: a label and a value per series ({@code null}: no value). */
    record Input(String label, List<Double> values) {
    }

    /** A chart whose values are written as {@code language} writes numbers ({@code 2,5} / {@code 2.5}). */
    static Chart chart(String id, String title, String description, List<String> seriesNames, List<Input> inputs,
                       double max, int decimals, Language language) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < seriesNames.size(); i++) {
            series.add(new Series(seriesNames.get(i), FILLS[i % FILLS.length]));
        }
        double rowHeight = LABEL_LINE + seriesNames.size() * (BAR_HEIGHT + 2) + 10;
        double top = 8;
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < inputs.size(); r++) {
            Input input = inputs.get(r);
            double y = top + r * rowHeight;
            List<Bar> bars = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int s = 0; s < seriesNames.size(); s++) {
                Double v = input.values().get(s);
                String text = v == null ? "–" : format(v, decimals, language);
                values.add(text);
                double w = v == null || max <= 0 ? 0 : Math.max(v > 0 ? 2 : 0, BAR_SPACE * v / max);
                double by = y + LABEL_LINE + s * (BAR_HEIGHT + 2);
                bars.add(new Bar(n(BAR_START), n(by), n(w), n(BAR_HEIGHT), series.get(s).fill(), text,
                    n(BAR_START + w + 6), n(by + BAR_HEIGHT - 3)));
            }
            rows.add(new Row(input.label(), n(y + 16), values, bars));
        }
        return new Chart(id, title, description, n(top * 2 + inputs.size() * rowHeight), series, rows);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * A value with {@code decimals} decimals as the page's language writes it: German {@code 2,5}, English {@code 2.5}
     * (the English dashboard once showed the German comma).
     */
    static String format(double v, int decimals, Language language) {
        return String.format(language.locale(), "%." + decimals + "f", v);
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
