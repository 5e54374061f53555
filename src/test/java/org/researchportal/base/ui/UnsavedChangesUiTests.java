package org.researchportal.base.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** A half-filled form is not dropped silently: leaving asks first, and only then discards. */
class UnsavedChangesUiTests extends UiTest {

    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;
    @Autowired
    ParticipantService participants;

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

    @Test
    void anAdverseEventDialogWithChangesIsNotClosedByEscapeWithoutAsking() {
        signInToUi("fudan.clinician");
        String participant = participants.participants(studies.studies().getFirst().id(), Pageable.unpaged())
                .stream().filter(r -> r.enrolledOn() != null).findFirst().orElseThrow().id();
        UI.getCurrent().navigate("participants/" + participant);
        _click(_get(Button.class, spec -> spec.withText("Report an adverse event")));
        Dialog dialog = _get(Dialog.class);
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Description")), "Fell on the stairs");
        ComponentUtil.fireEvent(dialog, new Dialog.DialogCloseActionEvent(dialog, true));
        assertThat(dialog.isOpened()).as("Escape asks first").isTrue();
        _fireConfirm(_get(ConfirmDialog.class));
        assertThat(dialog.isOpened()).isFalse();
    }
}
