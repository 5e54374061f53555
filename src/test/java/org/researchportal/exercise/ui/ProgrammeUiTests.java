package org.researchportal.exercise.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.demo.DemoManual;
import org.researchportal.exercise.ProgressFigures;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** A therapist opens a participant's programme from the caseload, reads it in words and adjusts it with a reason. */
class ProgrammeUiTests extends UiTest {

    @Autowired
    ParticipantService participants;
    @Autowired
    ProgressFigures progressFigures;
    @Autowired
    StudyService studies;

    @Test
    void theTherapistOpensAProgrammeFromTheCaseloadAndAnAdjustmentNeedsAReason() {
        signInToUi("fudan.therapist");
        UI.getCurrent().navigate("therapist");
        Grid<?> caseload = _get(Grid.class);
        String href = ((Anchor) GridKt._getCellComponent(caseload, 0, "programme")).getHref();
        assertThat(href).startsWith("programme/");
        assertThat(GridKt._getFormattedRow(caseload, 0)).anyMatch(cell -> cell.matches("\\d+ / \\d+"));

        UI.getCurrent().navigate(href);
        assertThat(viewText()).contains("RE-MS standard home programme").contains("planned sessions logged");
        Grid<?> items = _get(Grid.class);
        List<String> cells = allCells(items);
        assertThat(cells).contains(DemoManual.exercises().getFirst().title().en(), "Warm-up").noneMatch(
                c -> c.startsWith("re_ms") || c.startsWith("exercise.") || c.startsWith("dosage."));

        _click((Button) GridKt._getCellComponent(items, 1, "adjust"));
        _get(IntegerField.class, spec -> spec.withLabel("Level")).setValue(2);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        IntegerField sets = _get(IntegerField.class, spec -> spec.withLabel("Sets"));
        assertThat(sets.isInvalid()).isTrue();
        assertThat(sets.getErrorMessage()).contains("give a reason");
        _get(TextField.class, spec -> spec.withLabel("Reason")).setValue("Tolerating level 1 well");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(viewText()).contains("Tolerating level 1 well").contains("prescribed RE-MS standard home programme")
                .contains("level 2").doesNotContain("re_ms_standard");
    }

    @Test
    void aControlArmParticipantHasNoProgrammePage() {
        signInToUi("fudan.therapist");
        String control = asSystem("fudan", java.util.Set.of(org.researchportal.base.security.PortalRole.CLINICIAN),
                () -> participants.participants(studies.studies().getFirst().id(), Pageable.unpaged()).stream()
                        .filter(r -> "Control".equals(r.armName())).findFirst().orElseThrow().id());
        UI.getCurrent().navigate("programme/" + control);
        assertThat(viewText()).doesNotContain("Exercises").doesNotContain("Prescribe");
    }

    @Test
    void theProgressPageDrawsItsChartsFromTheWeeksWithWordsNotCodes() {
        signInToUi("fudan.therapist");
        UI.getCurrent().navigate("therapist");
        Grid<?> caseload = _get(Grid.class);
        String programme = ((Anchor) GridKt._getCellComponent(caseload, 0, "programme")).getHref();
        assertThat(caseload.getColumns()).extracting(Grid.Column::getHeaderText).contains("Pain trend");
        UI.getCurrent().navigate(programme);
        Anchor progress = _get(Anchor.class, spec -> spec.withText("Progress charts"));
        UI.getCurrent().navigate(progress.getHref());

        List<Svg> charts = _find(Svg.class);
        boolean checkedIn = !progressFigures.progress(programme.substring("programme/".length())).checkIns().isEmpty();
        assertThat(charts).as("a check-in chart once there are check-ins").hasSize(checkedIn ? 4 : 3);
        String adherence = charts.getFirst().getElement().getProperty("innerHTML", "");
        assertThat(adherence).contains("<title>Adherence by week</title>", "Planned", "Days with a session")
                .contains("<rect");
        assertThat(viewText()).contains("Sessions against plan", "Video engagement").doesNotContain("progress.")
                .doesNotContain("re_ms_");
    }
}
