package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.util.Objects;
import org.researchportal.exercise.DosageText;
import org.researchportal.exercise.ExerciseManual;
import org.researchportal.exercise.Prescriptions;
import org.researchportal.exercise.ProgrammeItem;
import org.researchportal.exercise.ProgrammeOverview;

/** The programme's exercises with their dosage and level, each adjustable with a reason. */
final class ProgrammeItems extends Composite<Div> {

    ProgrammeItems(Prescriptions prescriptions, String participantId, ProgrammeOverview overview, Runnable reload) {
        ExerciseManual manual = Objects.requireNonNull(overview.manual());
        var grid = new Grid<ProgrammeItem>();
        grid.addColumn(i -> manual.exercise(i.exercise()).map(e -> e.title().in(getLocale())).orElse(i.exercise()))
                .setHeader(getTranslation("programme.exercise")).setAutoWidth(true);
        grid.addColumn(i -> manual.exercise(i.exercise()).map(e -> getTranslation(e.phase().messageKey())).orElse(""))
                .setHeader(getTranslation("programme.phase")).setAutoWidth(true);
        grid.addColumn(i -> DosageText.of(this::getTranslation, i.dosage())).setHeader(getTranslation(
                "programme.dosage"))
                .setAutoWidth(true);
        grid.addColumn(ProgrammeItem::level).setHeader(getTranslation("programme.level")).setAutoWidth(true);
        grid.addComponentColumn(i -> {
            var adjust = new Button(getTranslation("programme.adjust"), e -> new AdjustDialog(prescriptions,
                    participantId, i, manual.exercise(i.exercise()).map(x -> x.title().in(getLocale()))
                            .orElse(i.exercise()), reload).open());
            adjust.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return adjust;
        }).setKey("adjust").setAutoWidth(true);
        grid.setItems(Objects.requireNonNull(overview.programme()).getItems());
        grid.setAllRowsVisible(true);
        getContent().addClassName("card");
        getContent().add(new H2(getTranslation("programme.exercises")), grid);
    }
}
