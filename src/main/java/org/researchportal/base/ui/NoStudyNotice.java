package org.researchportal.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Paragraph;

/** Shown instead of a dashboard when the tenant runs no study yet. */
public final class NoStudyNotice extends Composite<Paragraph> {

    public NoStudyNotice() {
        getContent().setText(getTranslation("dashboard.no-study"));
        getContent().addClassName("portal-notice");
    }
}
