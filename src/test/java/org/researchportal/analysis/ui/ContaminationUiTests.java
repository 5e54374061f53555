package org.researchportal.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.analysis.FigureSource;
import org.researchportal.base.security.PortalLocales;

/**
 * The contamination section of the statistics page on the demo's RE-MS calls: what it computes, the table by month
 * and arm, the chart and the downloads, in both languages; never a blinded role's.
 */
class ContaminationUiTests extends UiTest {

    @Test
    void theStatisticianReadsExerciseOutsideTheStudyByArmAndMonth() {
        signInToUi("fudan.statistician");
        UI.getCurrent().navigate("statistics");
        assertThat(viewText()).contains("Contamination: exercise outside the study", "intention to treat",
                "Torgerson").doesNotContain("contamination.");
        ContaminationPanel panel = _get(ContaminationPanel.class);
        List<String> cells = allCells(_get(Grid.class, spec -> spec.withClasses("contamination-table")));
        assertThat(cells).contains("Month 1", "Control", "Exercise").anyMatch(c -> c.matches("\\d+ \\(\\d+\\.\\d%\\)"))
                .anyMatch(c -> c.contains("Walking")).noneMatch(c -> c.contains("contamination."));
        var chart = _find(Svg.class).stream().filter(s -> s.getElement().toString().contains(
                "reporting exercise outside the study")).findFirst();
        assertThat(chart).isPresent();
        assertThat(_find(Anchor.class)).extracting(Anchor::getText).contains("Figures (CSV)", "Chart (SVG)",
                "Call answers counted (CSV)");
        assertThat(panel.figuresCsv()).startsWith("month,arm,asked,reporting,percent_reporting").contains(
                "kind_walking").contains(",CONTROL,");
        assertThat(panel.chartSvg()).startsWith("<svg").contains("<title>", "Control", "Exercise");
        List<FigureSource> sources = panel.sources();
        assertThat(sources).isNotEmpty().allSatisfy(s -> {
            assertThat(s.record()).startsWith("Follow-up call ");
            assertThat(s.value()).matches("No|Yes, \\d+ min a week.*");
            assertThat(s.participant()).doesNotMatch("[0-9a-f]{24}");
        });
        assertThat(FigureSource.csv(sources)).startsWith("figure,participant,arm,record,value");
    }

    @Test
    void inChineseTheSectionSpeaksChineseAndNamesTheArmsInChinese() {
        signInToUi("fudan.statistician");
        UI.getCurrent().setLocale(PortalLocales.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("statistics");
        assertThat(viewText()).contains("沾染：研究以外的运动", "意向性治疗");
        List<String> cells = allCells(_get(Grid.class, spec -> spec.withClasses("contamination-table")));
        assertThat(cells).contains("第 1 个月", "对照组").noneMatch(c -> c.equals("Control") || c.contains("Month"))
                .noneMatch(c -> c.contains("Walking"));
    }

    @Test
    void noBlindedRoleOpensIt() {
        for (String user : List.of("fudan.assessor", "fudan.monitor", "fudan.coordinator")) {
            signInToUi(user);
            assertThatThrownBy(() -> UI.getCurrent().navigate("statistics")).as(user)
                    .hasMessageContaining("Access is denied");
        }
    }
}
