package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.researchportal.assessments.DueQuestionnaire;
import org.researchportal.assessments.MyQuestionnaire;
import org.researchportal.assessments.QuestionnaireAnswers;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.participants.ParticipantHomeSection;

/**
 * Contributes the participant's questionnaires to her "My study": those open or late now, and those of the current
 * timepoint she has completed, ticked. Nothing when there is nothing to show.
 */
@org.springframework.stereotype.Component
class QuestionnairesHomeSection implements ParticipantHomeSection {

    private final QuestionnaireAnswers answers;

    QuestionnairesHomeSection(QuestionnaireAnswers answers) {
        this.answers = answers;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public Optional<Component> section() {
        List<MyQuestionnaire> mine = answers.mine();
        List<MyQuestionnaire> open = mine.stream().filter(q -> q.due().state().answerable()).toList();
        // The current timepoint: the one she is answering, else the latest whose window has opened.
        Optional<String> current = open.stream().map(q -> q.due().timepoint()).findFirst()
                .or(() -> mine.stream().filter(q -> q.due().state() != DueQuestionnaire.State.UPCOMING)
                        .max(Comparator.comparing(q -> q.due().opensOn())).map(q -> q.due().timepoint()));
        List<MyQuestionnaire> done = mine.stream().filter(q -> q.due().state() == DueQuestionnaire.State.COMPLETED
                && current.map(q.due().timepoint()::equals).orElse(false)).toList();
        if (open.isEmpty() && done.isEmpty()) {
            return Optional.empty();
        }
        var card = new Div();
        card.addClassNames("card", "questionnaires-card");
        card.add(new H2(card.getTranslation("questionnaires.title")));
        var zone = CurrentUser.require().zone();
        open.forEach(q -> card.add(new QuestionnaireRow(q, zone)));
        done.forEach(q -> card.add(new QuestionnaireRow(q, zone)));
        return Optional.of(card);
    }
}
