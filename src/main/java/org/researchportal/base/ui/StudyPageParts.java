package org.researchportal.base.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The parts other modules add to the tenant administrator's study page (the study's stage and its moves), so the
 * study module's page need not know the modules above it. Each {@link Part} bean makes a fresh component per page.
 */
@org.springframework.stereotype.Component
public class StudyPageParts {

    /** One part of the study page, made for one study. */
    public interface Part {
        Component forStudy(String studyId);
    }

    private final ObjectProvider<Part> parts;

    StudyPageParts(ObjectProvider<Part> parts) {
        this.parts = parts;
    }

    public List<Component> forStudy(String studyId) {
        return parts.orderedStream().map(p -> p.forStudy(studyId)).toList();
    }
}
