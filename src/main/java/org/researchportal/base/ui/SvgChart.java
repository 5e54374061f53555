package org.researchportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A small chart drawn on the server as SVG: bars and lines over labelled categories (weeks, for example), with an
 * optional dashed reference line. It needs no JavaScript charting library, renders in the embedded default without
 * Node.js, scales with the page, and reads in a screenshot and to a screen reader (a title and a text summary).
 */
public final class SvgChart {

    /** How a series is drawn: filled bars, outlined bars behind them (a target), or a line with points. */
    public enum Kind {
        BARS, TARGET_BARS, LINE
    }

    /** One series: a value per category, or null where there is none (a line breaks there). */
    public record Series(String label, Kind kind, String color, List<@Nullable Double> values) {}

    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 40;
    private static final int RIGHT = 12;
    private static final int TOP = 34;
    private static final int BOTTOM = 36;

    private SvgChart() {
    }

    /**
     * A chart of the series over the categories on a scale from 0 to {@code yMax}; {@code reference} draws a dashed
     * line at that value with its label.
     */
    public static Component of(String title, String summary, List<String> categories, double yMax,
            List<Series> series, @Nullable Double reference, @Nullable String referenceLabel) {
        var svg = new StringBuilder();
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("' role='img' aria-label='").append(escape(title)).append("' class='svg-chart'>")
                .append("<title>").append(escape(title)).append("</title><desc>").append(escape(summary + " "
                        + valuesInWords(categories, series))).append("</desc>");
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double max = yMax <= 0 ? 1 : yMax;
        // Grid lines and the scale: 0, half and the top.
        for (double tick : new double[] {0, max / 2, max}) {
            double y = TOP + plotHeight - tick / max * plotHeight;
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#d8dee6", false))
                    .append(text(LEFT - 6, y + 4, number(tick), "end", "#5a6b7b"));
        }
        int n = Math.max(1, categories.size());
        double slot = plotWidth / n;
        int labelEvery = Math.max(1, (int) Math.ceil(n / 12.0));
        for (int i = 0; i < categories.size(); i++) {
            if (i % labelEvery == 0) {
                svg.append(text(LEFT + slot * i + slot / 2, HEIGHT - BOTTOM + 16, categories.get(i), "middle",
                        "#5a6b7b"));
            }
        }
        for (Series s : series) {
            if (s.kind() == Kind.LINE) {
                svg.append(lineSeries(s, slot, plotHeight, max));
            } else {
                double barWidth = Math.max(2, slot * (s.kind() == Kind.TARGET_BARS ? 0.7 : 0.45));
                for (int i = 0; i < s.values().size() && i < n; i++) {
                    Double v = s.values().get(i);
                    if (v == null || v <= 0) {
                        continue;
                    }
                    double h = Math.min(v, max) / max * plotHeight;
                    double x = LEFT + slot * i + (slot - barWidth) / 2;
                    svg.append("<rect x='").append(fmt(x)).append("' y='").append(fmt(TOP + plotHeight - h))
                            .append("' width='").append(fmt(barWidth)).append("' height='").append(fmt(h))
                            .append(s.kind() == Kind.TARGET_BARS ? "' fill='none' stroke='" + s.color()
                                    + "' stroke-width='1.5' stroke-dasharray='4 3'/>" : "' fill='" + s.color()
                                            + "' rx='2'/>");
                }
            }
        }
        if (reference != null) {
            double y = TOP + plotHeight - Math.min(reference, max) / max * plotHeight;
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#b3261e", true));
            if (referenceLabel != null) {
                svg.append(text(WIDTH - RIGHT, y - 4, referenceLabel, "end", "#b3261e"));
            }
        }
        // The legend across the top.
        double x = LEFT;
        for (Series s : series) {
            svg.append("<rect x='").append(fmt(x)).append("' y='10' width='12' height='12' rx='2' ")
                    .append(s.kind() == Kind.TARGET_BARS ? "fill='none' stroke='" + s.color()
                            + "' stroke-dasharray='3 2'" : "fill='" + s.color() + "'").append("/>")
                    .append(text(x + 16, 20, s.label(), "start", "#1d2a36"));
            x += 28 + labelWidth(s.label());
        }
        svg.append("</svg>");
        var chart = new Svg(svg.toString());
        chart.getElement().getClassList().add("svg-chart-frame");
        return chart;
    }

    /** The figures themselves for a screen reader: each series, category by category ("–" where there is none). */
    static String valuesInWords(List<String> categories, List<Series> series) {
        List<String> parts = new ArrayList<>();
        for (Series s : series) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < categories.size() && i < s.values().size(); i++) {
                Double v = s.values().get(i);
                values.add(categories.get(i) + " " + (v == null ? "–" : number(Math.round(v * 10) / 10.0)));
            }
            parts.add(s.label() + ": " + String.join(", ", values));
        }
        return String.join("; ", parts) + ".";
    }

    /** About how wide a label is at 12 px: Chinese characters take a full em, Latin ones about 0.6 of it. */
    private static double labelWidth(String label) {
        return label.codePoints().mapToDouble(cp -> cp >= 0x2E80 ? 12.5 : 7.2).sum();
    }

    private static String lineSeries(Series s, double slot, double plotHeight, double max) {
        var out = new StringBuilder();
        List<String> run = new ArrayList<>();
        for (int i = 0; i <= s.values().size(); i++) {
            Double v = i < s.values().size() ? s.values().get(i) : null;
            if (v == null) {
                if (run.size() > 1) {
                    out.append("<polyline fill='none' stroke='").append(s.color()).append("' stroke-width='2' points='")
                            .append(String.join(" ", run)).append("'/>");
                }
                run.clear();
                continue;
            }
            double cx = LEFT + slot * i + slot / 2;
            double cy = TOP + plotHeight - Math.min(v, max) / max * plotHeight;
            run.add(fmt(cx) + "," + fmt(cy));
            out.append("<circle cx='").append(fmt(cx)).append("' cy='").append(fmt(cy)).append("' r='3.5' fill='")
                    .append(s.color()).append("'/>");
        }
        return out.toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String color, boolean dashed) {
        return "<line x1='" + fmt(x1) + "' y1='" + fmt(y1) + "' x2='" + fmt(x2) + "' y2='" + fmt(y2) + "' stroke='"
                + color + "'" + (dashed ? " stroke-dasharray='6 4' stroke-width='1.5'" : "") + "/>";
    }

    private static String text(double x, double y, String content, String anchor, String color) {
        return "<text x='" + fmt(x) + "' y='" + fmt(y) + "' text-anchor='" + anchor + "' font-size='12' fill='" + color
                + "'>" + escape(content) + "</text>";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text in an SVG is text, never markup: names and labels come from people. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                .replace("\"", "&quot;");
    }
}
