package org.researchportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A small chart drawn on the server as SVG: bars, lines and points (with their intervals) over labelled categories
 * (weeks, arms, timepoints), on a scale that may go below zero, with an optional dashed reference line. It needs no
 * JavaScript charting library, renders in the embedded default without Node.js, scales with the page, reads in a
 * screenshot and to a screen reader (a title and the figures in words), and downloads as the same SVG
 * ({@link #svg}).
 */
public final class SvgChart {

    /**
     * How a series is drawn: filled bars, outlined bars behind them (a target), a line with points, or points alone;
     * several POINTS series sit side by side in a category, each with its interval.
     */
    public enum Kind {
        BARS, TARGET_BARS, LINE, POINTS
    }

    /** An interval drawn around a value as a whisker (a 95% interval, or a mean plus and minus its SD). */
    public record Interval(double low, double high) {}

    /**
     * One series: a value per category, or null where there is none (a line breaks there), and optionally an interval
     * per category (null where there is none).
     */
    public record Series(String label, Kind kind, String color, List<@Nullable Double> values,
            List<@Nullable Interval> intervals) {

        public Series(String label, Kind kind, String color, List<@Nullable Double> values) {
            this(label, kind, color, values, List.of());
        }

        @Nullable
        Interval interval(int i) {
            return i < intervals.size() ? intervals.get(i) : null;
        }
    }

    /** The colours the reports give their series in turn (the arms, in the study's order). */
    public static final List<String> PALETTE = List.of("#1a73e8", "#e37400", "#188038", "#9334e6", "#b3261e");

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
        return of(title, summary, categories, 0, yMax, series, reference, referenceLabel);
    }

    /** A chart on a scale from {@code yMin} (below zero for a change or an index) to {@code yMax}. */
    public static Component of(String title, String summary, List<String> categories, double yMin, double yMax,
            List<Series> series, @Nullable Double reference, @Nullable String referenceLabel) {
        var chart = new Svg(svg(title, summary, categories, yMin, yMax, series, reference, referenceLabel));
        chart.getElement().getClassList().add("svg-chart-frame");
        return chart;
    }

    /** The chart as a standalone SVG document, for the page and for a download alike. */
    public static String svg(String title, String summary, List<String> categories, double yMin, double yMax,
            List<Series> series, @Nullable Double reference, @Nullable String referenceLabel) {
        var svg = new StringBuilder();
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("' role='img' aria-label='").append(escape(title)).append("' class='svg-chart'>")
                .append("<title>").append(escape(title)).append("</title><desc>").append(escape(summary + " "
                        + valuesInWords(categories, series))).append("</desc>")
                .append("<rect width='100%' height='100%' fill='white'/>");
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double min = Math.min(0, yMin);
        double max = yMax <= min ? min + 1 : yMax;
        Scale scale = new Scale(min, max, plotHeight);
        // Grid lines and the scale: the bottom, zero (when the scale goes below it), half way and the top.
        List<Double> ticks = new ArrayList<>(List.of(min, (min + max) / 2, max));
        if (min < 0 && !ticks.contains(0.0)) {
            ticks.add(0.0);
        }
        for (double tick : ticks) {
            double y = scale.y(tick);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, tick == 0 && min < 0 ? "#8a96a3" : "#d8dee6", false))
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
        long pointSeries = series.stream().filter(s -> s.kind() == Kind.POINTS).count();
        int pointIndex = 0;
        for (Series s : series) {
            if (s.kind() == Kind.LINE) {
                svg.append(lineSeries(s, slot, scale));
            } else if (s.kind() == Kind.POINTS) {
                // Side by side within the category, so two arms' intervals never hide each other.
                double offset = (pointIndex - (pointSeries - 1) / 2.0) * Math.min(24, slot / (pointSeries + 1));
                svg.append(pointSeries(s, slot, offset, scale));
                pointIndex++;
            } else {
                double barWidth = Math.max(2, slot * (s.kind() == Kind.TARGET_BARS ? 0.7 : 0.45));
                for (int i = 0; i < s.values().size() && i < n; i++) {
                    Double v = s.values().get(i);
                    if (v == null || v == 0) {
                        continue;
                    }
                    double top = scale.y(Math.max(v, 0));
                    double h = Math.abs(scale.y(v) - scale.y(0));
                    double x = LEFT + slot * i + (slot - barWidth) / 2;
                    svg.append("<rect x='").append(fmt(x)).append("' y='").append(fmt(top))
                            .append("' width='").append(fmt(barWidth)).append("' height='").append(fmt(h))
                            .append(s.kind() == Kind.TARGET_BARS ? "' fill='none' stroke='" + s.color()
                                    + "' stroke-width='1.5' stroke-dasharray='4 3'/>" : "' fill='" + s.color()
                                            + "' rx='2'/>");
                    svg.append(whisker(s.interval(i), x + barWidth / 2, scale, s.color()));
                }
            }
        }
        if (reference != null) {
            double y = scale.y(reference);
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
        return svg.toString();
    }

    /** Where a value sits on the plot, clamped to its scale. */
    private record Scale(double min, double max, double plotHeight) {

        double y(double value) {
            double clamped = Math.max(min, Math.min(value, max));
            return TOP + plotHeight - (clamped - min) / (max - min) * plotHeight;
        }
    }

    private static String whisker(@Nullable Interval interval, double cx, Scale scale, String color) {
        if (interval == null) {
            return "";
        }
        double low = scale.y(interval.low());
        double high = scale.y(interval.high());
        return line(cx, low, cx, high, color, false) + line(cx - 5, low, cx + 5, low, color, false)
                + line(cx - 5, high, cx + 5, high, color, false);
    }

    private static String pointSeries(Series s, double slot, double offset, Scale scale) {
        var out = new StringBuilder();
        for (int i = 0; i < s.values().size(); i++) {
            Double v = s.values().get(i);
            if (v == null) {
                continue;
            }
            double cx = LEFT + slot * i + slot / 2 + offset;
            out.append(whisker(s.interval(i), cx, scale, s.color())).append("<circle cx='").append(fmt(cx))
                    .append("' cy='").append(fmt(scale.y(v))).append("' r='4.5' fill='").append(s.color())
                    .append("'/>");
        }
        return out.toString();
    }

    /** The figures themselves for a screen reader: each series, category by category ("–" where there is none). */
    static String valuesInWords(List<String> categories, List<Series> series) {
        List<String> parts = new ArrayList<>();
        for (Series s : series) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < categories.size() && i < s.values().size(); i++) {
                Double v = s.values().get(i);
                Interval interval = s.interval(i);
                values.add(categories.get(i) + " " + (v == null ? "–" : figure(v)) + (v == null || interval == null
                        ? "" : " (" + figure(interval.low()) + " – " + figure(interval.high()) + ")"));
            }
            parts.add(s.label() + ": " + String.join(", ", values));
        }
        return String.join("; ", parts) + ".";
    }

    /** A value as the words give it: a fraction (an index, a proportion) to two places, anything else to one. */
    private static String figure(double value) {
        return value != Math.rint(value) && Math.abs(value) < 1 ? String.format(Locale.ROOT, "%.2f", value)
                : number(Math.round(value * 10) / 10.0);
    }

    /** About how wide a label is at 12 px: Chinese characters take a full em, Latin ones about 0.6 of it. */
    private static double labelWidth(String label) {
        return label.codePoints().mapToDouble(cp -> cp >= 0x2E80 ? 12.5 : 7.2).sum();
    }

    private static String lineSeries(Series s, double slot, Scale scale) {
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
            double cy = scale.y(v);
            run.add(fmt(cx) + "," + fmt(cy));
            out.append(whisker(s.interval(i), cx, scale, s.color())).append("<circle cx='").append(fmt(cx))
                    .append("' cy='").append(fmt(cy)).append("' r='3.5' fill='").append(s.color()).append("'/>");
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
