package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Paragraph;

/** Shown instead of a dashboard when the tenant runs no study yet. */
final class NoStudyNotice extends Composite<Paragraph> {

    NoStudyNotice() {
        getContent().setText(getTranslation("dashboard.no-study"));
        getContent().addClassName("portal-notice");
    }
}
