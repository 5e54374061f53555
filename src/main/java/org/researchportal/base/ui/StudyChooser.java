package org.researchportal.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Picks the study a dashboard shows; hidden when the tenant runs only one. */
public final class StudyChooser<S> extends Composite<Select<S>> {

    private final List<S> studies;

    public StudyChooser(List<S> studies, ItemLabelGenerator<S> acronym, Consumer<S> onChoose) {
        this.studies = studies;
        Select<S> select = getContent();
        select.setAriaLabel(getTranslation("dashboard.study"));
        select.setItems(studies);
        select.setItemLabelGenerator(acronym);
        select.setVisible(studies.size() > 1);
        select.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                onChoose.accept(e.getValue());
            }
        });
    }

    public Optional<S> first() {
        return studies.stream().findFirst();
    }

    public void choose(S study) {
        getContent().setValue(study);
    }
}
