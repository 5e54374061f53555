package org.researchportal.assessments.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
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
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(allCells(_get(Grid.class, spec -> spec.withClasses("adverse-events-grid"))))
                .contains("Fall on the stairs, hip fracture", "4 · Life-threatening", "Yes", "Ongoing");
        UI.getCurrent().navigate("clinician");
        assertThat(viewText()).contains("Open serious adverse events", "Fall on the stairs, hip fracture");
    }
}
