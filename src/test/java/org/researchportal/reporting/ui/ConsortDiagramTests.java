package org.researchportal.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.researchportal.reporting.ConsortFlow;

/** The diagram is well-formed SVG that states every box's count, with arm names escaped. */
class ConsortDiagramTests {

    private static ConsortFlow flow() {
        return new ConsortFlow(11, 1, 2, List.of(new ConsortFlow.Exclusion("E4", false,
                "Bone mineral density T-score below -2.5", "骨密度 T 值 < -2.5", 1), new ConsortFlow.Exclusion("I3",
                        true, "Postmenopausal (including surgically induced menopause)", "绝经后（含手术绝经）", 1)), 1, 1, 7,
                List.of(new ConsortFlow.ArmFlow("Exercise & <stretch>", 4, 0, 1, 3),
                        new ConsortFlow.ArmFlow("Control", 3, 1, 0, 2)));
    }

    private static String drawn(String bundle, Locale locale) throws Exception {
        Properties texts = new Properties();
        try (var in = ConsortDiagramTests.class.getResourceAsStream("/vaadin-i18n/" + bundle)) {
            texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String svg = ConsortDiagram.svg(flow(), (key, params) -> new MessageFormat(texts.getProperty(key))
                .format(params), locale);
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        return document.getDocumentElement().getTextContent();
    }

    @Test
    void drawsEveryBoxAsWellFormedSvg() throws Exception {
        String text = drawn("translations.properties", Locale.ENGLISH);
        assertThat(text).contains("Assessed for eligibility (n=11)", "Randomised (n=7)",
                "Allocated to Exercise & <stretch> (n=4)", "Lost to follow-up (n=1)",
                "Analysed, with follow-up data (n=3)");
    }

    /** Eligible candidates awaiting randomisation are their own box, not excluded; exclusions read as criteria. */
    @Test
    void awaitingRandomisationIsNotExcludedAndExclusionsAreNamedByTheirCriteria() throws Exception {
        String text = drawn("translations.properties", Locale.ENGLISH);
        // A long criterion is cut into lines that fit its box.
        assertThat(text).contains("Excluded (n=3)", "Excluded by: Bone mineral density T-score", "below -2.5 (n=1)",
                "Not met: Postmenopausal", "Eligible, awaiting randomisation (n=1)").doesNotContain("E4", "I3");
        String chinese = drawn("translations_zh_CN.properties", Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese).contains("符合排除标准：骨密度 T 值", "未满足：绝经后（含手术绝经）（n=1）")
                .doesNotContain("Bone mineral density");
    }
}
