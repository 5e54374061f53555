package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.time.format.TextStyle;
import java.util.Objects;
import java.util.stream.Collectors;
import org.researchportal.base.ui.Formats;
import org.researchportal.exercise.ExerciseManual;
import org.researchportal.exercise.Programme;
import org.researchportal.exercise.ProgrammeOverview;

/**
 * The programme at a glance: its template, days, start and manual edition, and last week's sessions against plan,
 * counted as the caseload counts them.
 */
final class ProgrammeSummary extends Composite<Div> {

    ProgrammeSummary(ProgrammeOverview overview) {
        Programme programme = Objects.requireNonNull(overview.programme());
        ExerciseManual manual = Objects.requireNonNull(overview.manual());
        String template = manual.getTemplates().stream().filter(t -> t.code().equals(programme.getTemplate()))
                .findFirst().map(t -> t.name().in(getLocale())).orElse(programme.getTemplate());
        String days = programme.getWeekdays().stream().map(d -> d.getDisplayName(TextStyle.SHORT, getLocale()))
                .collect(Collectors.joining(", "));
        getContent().addClassName("card");
        getContent().add(new H2(template),
                new Paragraph(getTranslation("programme.summary", days,
                        Formats.date(programme.getStartDate(), getLocale()), programme.getManualEdition())),
                new Paragraph(getTranslation("programme.last-week", overview.figures().sessionDaysLast7(),
                        overview.figures().plannedLast7())));
    }
}
