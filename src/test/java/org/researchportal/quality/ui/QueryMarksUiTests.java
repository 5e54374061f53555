package org.researchportal.quality.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.quality.DataQueries;
import org.researchportal.quality.DataQueryRecord;
import org.researchportal.quality.QueryState;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On the assessor's entry form, a query raised by the monitor shows beside its field as a marker named for a screen
 * reader; it opens the thread, where the assessor answers; the marker then says the query is answered.
 */
class QueryMarksUiTests extends UiTest {

    @Autowired
    DataQueries queries;
    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;

    @Test
    void theAssessorSeesTheMarkerBesideTheFieldOpensTheThreadAndAnswers() {
        signInToUi("lakeside.monitor");
        String study = studies.studies().getFirst().id();
        String participant = assessments.worklist(study).stream().filter(d -> d.timepoint().equals("baseline"))
                .filter(d -> assessments.find(d.participantId(), "baseline", "bpi_sf").isPresent()).findFirst()
                .orElseThrow().participantId();
        DataPoint average = ClinicalForm.instrument(study, participant, "baseline", "bpi_sf").item("average");
        DataQueryRecord raised = queries.raise(average, null, null, "Average pain differs from the worksheet");

        signInToUi("lakeside.assessor");
        UI.getCurrent().navigate("assess/" + participant + "/baseline");
        Button marker = _get(Button.class, spec -> spec.withClasses("query-marker"));
        assertThat(marker.getElement().getAttribute("aria-label")).contains("Open",
                "Average pain differs from the worksheet");
        assertThat(_find(Button.class, spec -> spec.withClasses("query-raise"))).as("the assessor raises none")
                .isEmpty();

        _click(marker);
        QueryDialog dialog = _get(QueryDialog.class);
        assertThat(dialog.getElement().getTextRecursively()).contains("Average pain differs from the worksheet");
        assertThat(_find(Button.class, spec -> spec.withClasses("query-close"))).as("only the monitor closes")
                .isEmpty();
        _setValue(_get(TextArea.class, spec -> spec.withClasses("query-answer")), "Checked: the worksheet agrees");
        _click(_get(Button.class, spec -> spec.withClasses("query-answer-explanation")));

        assertThat(queries.query(raised.id()).orElseThrow().state()).isEqualTo(QueryState.ANSWERED);
        assertThat(_get(Button.class, spec -> spec.withClasses("query-marker")).getText()).isEqualTo("Answered");

        signInToUi("lakeside.monitor");
        queries.close(raised.id(), "Thank you");
    }

    @Test
    void theEmailsLinkOpensTheQueryOnTheQueriesPageWhereTheMonitorClosesIt() {
        signInToUi("lakeside.monitor");
        String study = studies.studies().getFirst().id();
        String participant = assessments.worklist(study).stream().filter(d -> d.timepoint().equals("baseline"))
                .filter(d -> assessments.find(d.participantId(), "baseline", "bpi_sf").isPresent()).findFirst()
                .orElseThrow().participantId();
        DataQueryRecord raised = queries.raise(ClinicalForm.instrument(study, participant, "baseline", "bpi_sf")
                .item("now"), null, null, "Pain now is missing from the worksheet");

        UI.getCurrent().navigate("queries/" + raised.id());
        assertThat(allCells(_get(com.vaadin.flow.component.grid.Grid.class)))
                .contains("Pain now is missing from the worksheet").doesNotContain("Exercise", "Control");
        QueryDialog dialog = _get(QueryDialog.class);
        assertThat(dialog.getElement().getTextRecursively()).contains("Pain now is missing from the worksheet");
        assertThat(_find(Button.class, spec -> spec.withClasses("query-answer-explanation")))
                .as("the monitor answers none").isEmpty();
        _setValue(_get(TextArea.class, spec -> spec.withClasses("query-note")), "Withdrawn: found on page 2");
        _click(_get(Button.class, spec -> spec.withClasses("query-close")));
        assertThat(queries.query(raised.id()).orElseThrow().state()).isEqualTo(QueryState.CLOSED);
    }
}
