package org.researchportal.reporting.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.researchportal.base.ui.SvgChart;
import org.researchportal.reporting.ConsortFlow;

/**
 * Draws a CONSORT flow diagram as SVG: enrolment boxes, then one column per arm for allocation, follow-up and
 * analysis. Plain SVG (no fonts or scripts to load), so it shows in the page and downloads as an image.
 */
final class ConsortDiagram {

    /** Turns a translation key and its arguments into text. */
    interface Texts {
        String text(String key, Object... params);
    }

    private static final int WIDTH = 760;
    private static final int BOX_HEIGHT = 46;
    private static final int LINE = 16;
    /** Characters of a criterion line in the 320 px exclusions box (12 px sans-serif; CJK runs wider, cut sooner). */
    private static final int WRAP = 46;

    private final StringBuilder svg = new StringBuilder();
    private final Texts texts;

    private ConsortDiagram(Texts texts) {
        this.texts = texts;
    }

    static String svg(ConsortFlow flow, Texts texts, Locale locale) {
        return new ConsortDiagram(texts).draw(flow, locale);
    }

    private String draw(ConsortFlow flow, Locale locale) {
        List<String> exclusions = new ArrayList<>();
        exclusions.add(texts.text("consort.excluded", flow.excluded()));
        exclusions.add("• " + texts.text("consort.not-eligible", flow.notEligible()));
        for (ConsortFlow.Exclusion reason : flow.notMeetingCriteria()) {
            exclusions.addAll(wrapped(texts.text(reason.inclusion()
                    ? "consort.criterion.not-met" : "consort.criterion.met", reason.text(locale), reason.count()),
                    locale.getLanguage().equals("zh") ? WRAP / 2 : WRAP));
        }
        exclusions.add("• " + texts.text("consort.declined", flow.declined()));
        int exclusionHeight = 12 + LINE * exclusions.size();
        int top = 20;
        box(40, top, 300, BOX_HEIGHT, List.of(texts.text("consort.assessed", flow.assessed()),
                texts.text("consort.awaiting-assessment", flow.awaitingAssessment())));
        box(420, top, 320, exclusionHeight, exclusions);
        int randomisedY = top + Math.max(BOX_HEIGHT, exclusionHeight) + 40;
        line(190, top + BOX_HEIGHT, 190, randomisedY);
        line(190, top + BOX_HEIGHT + 20, 420, top + BOX_HEIGHT + 20);
        box(40, randomisedY, 300, 30, List.of(texts.text("consort.randomised", flow.randomised())));
        // Eligible but not randomised yet: neither excluded nor randomised, so a box of its own beside randomisation.
        line(340, randomisedY + 15, 420, randomisedY + 15);
        box(420, randomisedY, 320, 30, List.of(texts.text("consort.awaiting-randomisation",
                flow.awaitingRandomisation())));

        int arms = Math.max(1, flow.arms().size());
        int column = (WIDTH - 40) / arms;
        int y = randomisedY + 80;
        for (int i = 0; i < flow.arms().size(); i++) {
            ConsortFlow.ArmFlow arm = flow.arms().get(i);
            int x = 20 + i * column + 10;
            int w = column - 20;
            line(190, randomisedY + 30, x + w / 2, y);
            box(x, y, w, BOX_HEIGHT, List.of(texts.text("consort.allocated", arm.arm(), arm.allocated())));
            line(x + w / 2, y + BOX_HEIGHT, x + w / 2, y + BOX_HEIGHT + 30);
            box(x, y + BOX_HEIGHT + 30, w, BOX_HEIGHT + 12, List.of(
                    texts.text("consort.lost", arm.lostToFollowUp()),
                    texts.text("consort.discontinued", arm.discontinued())));
            line(x + w / 2, y + 2 * BOX_HEIGHT + 42, x + w / 2, y + 2 * BOX_HEIGHT + 72);
            box(x, y + 2 * BOX_HEIGHT + 72, w, 30, List.of(texts.text("consort.analysed", arm.analysed())));
        }
        int height = y + 3 * BOX_HEIGHT + 80;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + WIDTH + " " + height + "\" font-family=\"sans-serif\" font-size=\"12\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>" + svg + "</svg>";
    }

    /** A criterion's text can be long: cut into lines that fit the exclusions box, at spaces where there are any. */
    private static List<String> wrapped(String text, int width) {
        List<String> lines = new ArrayList<>();
        String left = text;
        String indent = "   ";
        while (left.length() > width) {
            int cut = left.lastIndexOf(' ', width);
            cut = cut <= 0 ? width : cut;
            lines.add(indent + left.substring(0, cut).strip());
            left = left.substring(cut).strip();
            indent = "      ";
        }
        lines.add(indent + left);
        return lines;
    }

    private void box(int x, int y, int w, int h, List<String> lines) {
        svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" fill=\"#f3f7f7\" stroke=\"#0b6e69\"/>");
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<text x=\"").append(x + 8).append("\" y=\"").append(y + 18 + i * LINE).append("\">")
                    .append(SvgChart.escape(lines.get(i))).append("</text>");
        }
    }

    private void line(int x1, int y1, int x2, int y2) {
        svg.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2)
                .append("\" y2=\"").append(y2).append("\" stroke=\"#0b6e69\"/>");
    }
}
