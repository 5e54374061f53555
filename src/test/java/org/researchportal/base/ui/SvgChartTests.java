package org.researchportal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Charts carry people's words as text, never markup, and say their figures in words for screen readers. */
class SvgChartTests {

    @Test
    void labelsAreEscapedAndTheFiguresAreReadOut() {
        var chart = SvgChart.of("Pain <script>alert(1)</script>", "Weekly 'average' & more", List.of("W1", "W2"), 10,
                List.of(new SvgChart.Series("Before", SvgChart.Kind.LINE, "#123456", Arrays.asList(2.0, null)),
                        new SvgChart.Series("Done", SvgChart.Kind.BARS, "#654321", List.of(1.0, 3.0))), 4.5,
                "threshold");
        String svg = chart.getElement().getProperty("innerHTML", "");
        assertThat(svg).doesNotContain("<script>").contains("Pain &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Weekly &#39;average&#39; &amp; more").contains("Before: W1 2, W2 –; Done: W1 1, W2 3.")
                .contains("stroke-dasharray='6 4'");
    }

    @Test
    void aLineBreaksWhereAWeekHasNoValue() {
        String words = SvgChart.valuesInWords(List.of("a", "b", "c"), List.of(new SvgChart.Series("S",
                SvgChart.Kind.LINE, "#000", Arrays.asList(1.25, null, 3.0))));
        assertThat(words).isEqualTo("S: a 1.3, b –, c 3.");
    }
}
