package org.researchportal.base.ui;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.NumberField;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/** A half-filled form is not dropped silently: leaving asks first, and only then discards. */
class UnsavedChangesUiTests extends UiTest {

    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;

    private String entryOfAnOpenTimepoint() {
        signInToUi("lakeside.assessor");
        DueAssessment due = assessments.worklist(studies.studies().getFirst().id()).getFirst();
        String path = "assess/" + due.participantId() + "/" + due.timepoint();
        UI.getCurrent().navigate(path);
        return path;
    }

    @Test
    void leavingAFormWithChangesAsksAndStaysUntilConfirmed() {
        String path = entryOfAnOpenTimepoint();
        _setValue(_find(NumberField.class).getFirst(), 4.0);
        UI.getCurrent().navigate("assessments");
        assertThat(currentPath()).as("still on the form").isEqualTo(path);
        ConfirmDialog ask = _get(ConfirmDialog.class);
        assertThat(ask.isOpened()).isTrue();
        _fireConfirm(ask);
        assertThat(currentPath()).isEqualTo("assessments");
    }

    @Test
    void aFormWithoutChangesIsLeftAtOnce() {
        entryOfAnOpenTimepoint();
        UI.getCurrent().navigate("assessments");
        assertThat(currentPath()).isEqualTo("assessments");
        assertThat(_find(ConfirmDialog.class)).isEmpty();
    }
}
