package org.researchportal.assessments.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AdverseEventReport.Relatedness;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** A clinician reports an adverse event on the record; a grade 4 one shows on the dashboard as open and serious. */
class AdverseEventsUiTests extends UiTest {

    @Autowired
    ParticipantService participants;
    @Autowired
    StudyService studies;

    @Test
    void aGradeFourEventReportedOnTheRecordShowsOnTheDashboard() {
        signInToUi("lakeside.clinician");
        String id = participants.participants(studies.studies().getFirst().id(), Pageable.unpaged()).stream()
                .filter(p -> p.displayName().equals("Jordan Example")).findFirst().orElseThrow().id();
        UI.getCurrent().navigate("participants/" + id);
        _click(_get(Button.class, spec -> spec.withText("Report an adverse event")));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Description")), "Fall on the stairs, hip fracture");
        @SuppressWarnings("unchecked")
        Select<Integer> grade = _get(Select.class, spec -> spec.withLabel("CTCAE grade"));
        _setValue(grade, 4);
        _setValue(_get(DatePicker.class, spec -> spec.withLabel("Onset")), LocalDate.now().minusDays(1));
        @SuppressWarnings("unchecked")
        Select<Relatedness> related = _get(Select.class, spec -> spec.withLabel("Related to the exercise programme"));
        _setValue(related, Relatedness.UNLIKELY);
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(allCells(_get(Grid.class, spec -> spec.withClasses("adverse-events-grid"))))
                .contains("Fall on the stairs, hip fracture", "4 · Life-threatening", "Yes", "Ongoing");
        UI.getCurrent().navigate("clinician");
        assertThat(viewText()).contains("Open serious adverse events", "Fall on the stairs, hip fracture");
    }

    /** A fall reported "last week" is not dated today, graded 1 and "possibly related" by the form. */
    @Test
    void theFormAssumesNoOnsetGradeOrRelatednessAndSaysSoAtTheFields() {
        signInToUi("lakeside.clinician");
        String id = participants.participants(studies.studies().getFirst().id(), Pageable.unpaged()).stream()
                .filter(p -> p.displayName().equals("Jordan Example")).findFirst().orElseThrow().id();
        UI.getCurrent().navigate("participants/" + id);
        _click(_get(Button.class, spec -> spec.withText("Report an adverse event")));
        DatePicker onset = _get(DatePicker.class, spec -> spec.withLabel("Onset"));
        @SuppressWarnings("unchecked")
        Select<Integer> grade = _get(Select.class, spec -> spec.withLabel("CTCAE grade"));
        @SuppressWarnings("unchecked")
        Select<Relatedness> related = _get(Select.class, spec -> spec.withLabel("Related to the exercise programme"));
        assertThat(onset.getValue()).isNull();
        assertThat(grade.getValue()).isNull();
        assertThat(related.getValue()).isNull();
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Description")), "Fell at home last week");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(onset.isInvalid()).isTrue();
        assertThat(onset.getErrorMessage()).isEqualTo("Enter the date the event began.");
        assertThat(grade.isInvalid()).isTrue();
        assertThat(related.isInvalid()).isTrue();
        assertThat(allCells(_get(Grid.class, spec -> spec.withClasses("adverse-events-grid"))))
                .doesNotContain("Fell at home last week");
    }
}
