package org.researchportal.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.researchportal.reporting.ConsortFlow;

/** The diagram is well-formed SVG that states every box's count, with arm names escaped. */
class ConsortDiagramTests {

    @Test
    void drawsEveryBoxAsWellFormedSvg() throws Exception {
        Properties texts = new Properties();
        try (var in = getClass().getResourceAsStream("/vaadin-i18n/translations.properties")) {
            texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        var flow = new ConsortFlow(11, 1, 2, Map.of("E4", 2L), 1, 1, 7, List.of(
                new ConsortFlow.ArmFlow("Exercise & <stretch>", 4, 0, 1, 3),
                new ConsortFlow.ArmFlow("Control", 3, 1, 0, 2)));
        String svg = ConsortDiagram.svg(flow, (key, params) -> new MessageFormat(texts.getProperty(key))
                .format(params));
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        String text = document.getDocumentElement().getTextContent();
        assertThat(text).contains("Assessed for eligibility (n=11)", "Excluded (n=4)", "E4: 2",
                "Randomised (n=7)", "Allocated to Exercise & <stretch> (n=4)", "Lost to follow-up (n=1)",
                "Analysed, with follow-up data (n=3)");
    }
}
