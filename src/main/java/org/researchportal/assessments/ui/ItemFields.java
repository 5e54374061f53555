package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentScoring;

/**
 * What an instrument's form does with its fields as answers change: branching (which items show) and the
 * missing-item rule (which scores the answers leave uncomputed). One place for the assessor's form and the
 * participant's, so both behave alike.
 */
final class ItemFields {

    private ItemFields() {
    }

    /** The answers of the items shown; what the branching hides is not sent. */
    static Map<String, String> shownAnswers(List<ItemField> fields) {
        Map<String, String> answers = new LinkedHashMap<>();
        fields.stream().filter(f -> f.answerable() && f.isVisible()).forEach(f -> answers.put(f.code(), f.answer()));
        return answers;
    }

    /** Shows each item whose branching holds for the answers as they stand, hides the rest; answers those shown. */
    static Set<String> showBranches(Instrument instrument, List<ItemField> fields) {
        Map<String, String> given = new LinkedHashMap<>();
        fields.stream().filter(ItemField::answerable).forEach(f -> given.put(f.code(), f.answer()));
        var shown = InstrumentScoring.shownItems(instrument, given);
        fields.forEach(f -> f.setVisible(shown.contains(f.code())));
        return shown;
    }

    /** Names each score the answers leave uncomputed under its missing-item rule; empty when all are computed. */
    static String notComputed(Component owner, Locale locale, Instrument instrument, Map<String, String> answers) {
        return InstrumentScoring.notComputed(instrument, answers).stream()
                .map(s -> owner.getTranslation("entry.score-not-computed", s.label().in(locale),
                        InstrumentScoring.answered(s, answers), InstrumentScoring.itemsOf(s).size()))
                .collect(Collectors.joining(" "));
    }
}
