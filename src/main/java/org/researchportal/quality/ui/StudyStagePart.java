package org.researchportal.quality.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.base.ui.StudyPageParts;
import org.researchportal.quality.StudyLifecycle;
import org.springframework.core.annotation.Order;

/** Puts the study's stage on the tenant administrator's study page. */
@org.springframework.stereotype.Component
@Order(10)
class StudyStagePart implements StudyPageParts.Part {

    private final StudyLifecycle lifecycle;

    StudyStagePart(StudyLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public Component forStudy(String studyId) {
        return new StudyStagePanel(lifecycle, studyId);
    }
}
