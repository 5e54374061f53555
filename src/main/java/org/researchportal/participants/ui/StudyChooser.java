package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.researchportal.study.StudySummary;

/** Picks the study a dashboard shows; hidden when the tenant runs only one. */
final class StudyChooser extends Composite<Select<StudySummary>> {

    private final List<StudySummary> studies;

    StudyChooser(List<StudySummary> studies, Consumer<StudySummary> onChoose) {
        this.studies = studies;
        Select<StudySummary> select = getContent();
        select.setAriaLabel(getTranslation("dashboard.study"));
        select.setItems(studies);
        select.setItemLabelGenerator(StudySummary::acronym);
        select.setVisible(studies.size() > 1);
        select.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                onChoose.accept(e.getValue());
            }
        });
    }

    Optional<StudySummary> first() {
        return studies.stream().findFirst();
    }

    void choose(StudySummary study) {
        getContent().setValue(study);
    }
}
