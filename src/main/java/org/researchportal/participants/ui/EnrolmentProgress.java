package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.researchportal.base.ui.StatCard;
import org.researchportal.participants.StudyProgress;

/** Enrolment against the target, and how the enrolled are spread over the arms. */
final class EnrolmentProgress extends Composite<Div> {

    EnrolmentProgress(StudyProgress progress) {
        var label = new Span(getTranslation("dashboard.enrolment-of-target", progress.enrolled(), progress.target()));
        label.addClassName("enrolment__label");
        var bar = new ProgressBar(0, Math.max(1, progress.target()), Math.min(progress.enrolled(), progress.target()));
        bar.getElement().setAttribute("aria-label", label.getText());
        var arms = new Div();
        arms.addClassName("stat-row");
        progress.byArm().forEach((arm, count) -> arms.add(new StatCard(getTranslation("dashboard.allocated-to", arm),
                String.valueOf(count))));
        getContent().addClassName("enrolment");
        getContent().add(label, bar, arms);
    }
}
