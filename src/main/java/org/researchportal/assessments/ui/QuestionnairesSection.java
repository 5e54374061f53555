package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.researchportal.assessments.DueQuestionnaire;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.assessments.QuestionnaireCompliance;
import org.researchportal.assessments.Questionnaires;
import org.researchportal.assessments.Respondent;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.Formats;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantRecordSection;

/**
 * Contributes the participant's questionnaires to her record: each one with its state, due day, and when and by whom
 * it was answered (she herself, or staff from a paper form), under her compliance figures.
 */
@org.springframework.stereotype.Component
class QuestionnairesSection implements ParticipantRecordSection {

    private final Questionnaires questionnaires;
    private final InstrumentLibrary instruments;

    QuestionnairesSection(Questionnaires questionnaires, InstrumentLibrary instruments) {
        this.questionnaires = questionnaires;
        this.instruments = instruments;
    }

    @Override
    public int order() {
        // Right after her assessment visits (5): the questionnaires are those visits' self-reported instruments.
        return 6;
    }

    @Override
    public Component section(ParticipantRecord record, Runnable reload) {
        List<DueQuestionnaire> hers = record.enrolledOn() == null ? List.of()
                : questionnaires.ofParticipant(record.id());
        Map<String, Instrument> named = hers.isEmpty() ? Map.of() : instruments.instruments().stream()
                .collect(Collectors.toMap(Instrument::code, i -> i, (a, b) -> a));
        return new Hers(hers, named);
    }

    private static final class Hers extends Composite<Div> {

        Hers(List<DueQuestionnaire> hers, Map<String, Instrument> named) {
            Div card = getContent();
            card.addClassNames("card", "participant-questionnaires");
            card.add(new H2(getTranslation("record.questionnaires")));
            if (hers.isEmpty()) {
                card.add(new Paragraph(getTranslation("record.questionnaires.none")));
                return;
            }
            var figures = QuestionnaireCompliance.of(hers).total();
            card.add(new Paragraph(getTranslation("record.questionnaires.figures", figures.expected(),
                    figures.completed(), figures.open(), figures.late(), figures.missed(),
                    ComplianceGrid.rate(figures))));
            var zone = CurrentUser.require().zone();
            var grid = new Grid<DueQuestionnaire>();
            grid.addColumn(q -> q.timepointLabel(getLocale())).setKey("timepoint")
                    .setHeader(getTranslation("worklist.timepoint")).setAutoWidth(true);
            grid.addColumn(q -> named.containsKey(q.instrument()) ? named.get(q.instrument()).name().in(getLocale())
                    : q.instrument()).setKey("instrument").setHeader(getTranslation("questionnaire.instrument"))
                    .setFlexGrow(2);
            grid.addColumn(q -> getTranslation(q.state().messageKey())).setKey("state")
                    .setHeader(getTranslation("worklist.state")).setAutoWidth(true);
            grid.addColumn(q -> Formats.date(q.dueOn(), getLocale())).setKey("due")
                    .setHeader(getTranslation("questionnaire.due")).setAutoWidth(true);
            grid.addColumn(q -> q.answeredAt() == null ? "" : Formats.dateTime(q.answeredAt(), zone, getLocale()))
                    .setKey("answered").setHeader(getTranslation("questionnaire.answered-at")).setAutoWidth(true);
            grid.addColumn(q -> q.respondent() == null ? "" : getTranslation(q.respondent() == Respondent.PARTICIPANT
                    ? "questionnaire.by.participant" : "questionnaire.by.staff")).setKey("by")
                    .setHeader(getTranslation("questionnaire.answered-by")).setAutoWidth(true);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setItems(hers);
            grid.setAllRowsVisible(true);
            grid.addClassName("questionnaires-grid");
            card.add(grid);
        }
    }
}
