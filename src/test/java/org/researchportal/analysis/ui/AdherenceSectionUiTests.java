package org.researchportal.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.exercise.AdherenceFigures;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The adherence section of the statistics page: the statistician sees it by arm and per participant with its
 * downloads, a blinded role never reaches it, and the team sets its rule where the manual is kept.
 */
class AdherenceSectionUiTests extends UiTest {

    @Autowired
    AdherenceFigures adherence;
    @Autowired
    StudyService studies;

    @Test
    void theStatisticianSeesAdherenceByArmAndPerParticipantWithTheDownloads() {
        signInToUi("fudan.statistician");
        UI.getCurrent().navigate("statistics");
        assertThat(currentPath()).isEqualTo("statistics");
        assertThat(viewText()).contains("Compliance, adherence and fidelity", "at least 50% of that day",
                "at least 75% of the prescribed dose");
        List<String> arms = allCells(grid("adherence-arms"));
        assertThat(arms).as("the control arm has no programme, not zeros").contains("No programme prescribed");
        assertThat(allCells(grid("adherence-participants"))).isNotEmpty();
        assertThat(_find(Anchor.class)).extracting(Anchor::getText).contains("Figures (CSV)", "Chart (SVG)",
                "Records behind these figures (CSV)");
    }

    @Test
    void aBlindedRoleNeverOpensTheStatisticsPage() {
        for (String blinded : List.of("fudan.assessor", "fudan.monitor")) {
            signInToUi(blinded);
            assertThatThrownBy(() -> UI.getCurrent().navigate("statistics")).as(blinded)
                    .hasMessageContaining("Access is denied");
            assertThat(_find(Grid.class)).noneMatch(g -> g.hasClassName("adherence-arms"));
        }
    }

    @Test
    void theTherapistSeesTheRuleWhereTheManualIsKeptAndABadPercentIsRefusedAtItsField() {
        signInToUi("fudan.therapist");
        UI.getCurrent().navigate("manual");
        IntegerField session = _get(IntegerField.class, spec -> spec.withLabel(
                "Session done from (% of the day's exercises)"));
        IntegerField adherent = _get(IntegerField.class, spec -> spec.withLabel("Adherent from (% of the dose)"));
        assertThat(session.getValue()).isEqualTo(50);
        assertThat(adherent.getValue()).isEqualTo(75);
        adherent.setValue(101);
        _click(_get(Button.class, spec -> spec.withText("Save the rule")));
        assertThat(adherent.isInvalid()).isTrue();
        assertThat(adherent.getErrorMessage()).isEqualTo("Enter a whole percent from 1 to 100");
    }

    @Test
    void theTherapistSeesHerParticipantsFiguresByTheRuleOnTheProgressPage() {
        String participant = asSystem("fudan", Set.of(PortalRole.STATISTICIAN), () -> adherence.ofStudy(studies
                .studies().getFirst().id())).getFirst().participantId();
        signInToUi("fudan.therapist");
        UI.getCurrent().navigate("progress/" + participant);
        assertThat(viewText()).contains("By the study's adherence rule:", "prescribed sessions done");
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid(String className) {
        return _find(Grid.class).stream().filter(g -> g.hasClassName(className)).findFirst().orElseThrow();
    }
}
