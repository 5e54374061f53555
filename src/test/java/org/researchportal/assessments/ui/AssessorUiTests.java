package org.researchportal.assessments.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/** The blinded assessor works from the worklist into each instrument's form; no arm appears on either screen. */
class AssessorUiTests extends UiTest {

    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;

    @Test
    void theWorklistShowsOpenTimepointsFirstAndNoArm() {
        signInToUi("fudan.assessor");
        UI.getCurrent().navigate("");
        assertThat(currentPath()).isEqualTo("assessments");
        List<String> open = allCells(_get(Grid.class));
        assertThat(open).contains("Overdue").doesNotContain("Done", "Exercise", "Control");
        _setValue(_get(Checkbox.class), true);
        List<String> all = allCells(_get(Grid.class));
        assertThat(all).contains("Done", "Baseline", "Week 12").doesNotContain("Exercise", "Control");
        assertThat(viewText()).doesNotContain("Exercise", "Control");
    }

    @Test
    void anInstrumentIsCheckedAtItsFieldsAndScoredWhenSaved() {
        signInToUi("lakeside.assessor");
        DueAssessment due = assessments.worklist(studies.studies().getFirst().id()).stream()
                .filter(d -> d.timepoint().equals("week_8")
                        && assessments.find(d.participantId(), "week_8", "bpi_sf").isEmpty())
                .findFirst().orElseThrow();
        UI.getCurrent().navigate("assess/" + due.participantId() + "/week_8");
        assertThat(viewText()).contains(due.displayName(), "Week 8").doesNotContain("Supervised", "Usual care");

        List<NumberField> bpi = _find(NumberField.class).subList(0, 4);
        _setValue(bpi.get(0), 11.0);
        _setValue(bpi.get(1), 2.0);
        _setValue(bpi.get(2), 5.0);
        Button saveBpi = _find(Button.class, spec -> spec.withText("Save")).getFirst();
        _click(saveBpi);
        assertThat(bpi.get(0).isInvalid()).isTrue();
        assertThat(bpi.get(0).getErrorMessage()).isEqualTo("This value is outside the item's range.");
        assertThat(bpi.get(3).getErrorMessage()).isEqualTo("This item must be answered.");

        _setValue(bpi.get(0), 8.0);
        _setValue(bpi.get(3), 5.0);
        _click(saveBpi);
        assertThat(bpi.get(0).isInvalid()).isFalse();
        assertThat(viewText()).contains("Pain severity (mean of 4): 5.0");
        assertThat(assessments.find(due.participantId(), "week_8", "bpi_sf")).hasValueSatisfying(
                r -> assertThat(r.answers()).containsEntry("worst", "8").containsEntry("now", "5"));
    }
}
