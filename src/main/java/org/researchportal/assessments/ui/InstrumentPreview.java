package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentScoring;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;

/**
 * The instrument as a participant or assessor sees it, on a phone-sized frame, in the language chosen here (not the
 * administrator's own): branching and scores follow the answers typed into it. Nothing typed here is stored.
 */
final class InstrumentPreview extends Composite<Div> {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final RadioButtonGroup<Locale> language = new RadioButtonGroup<>();
    private final Div phone = new Div();
    private final List<ItemField> fields = new ArrayList<>();
    private final Paragraph scores = new Paragraph();
    private final Paragraph notComputed = new Paragraph();
    /** What was typed into the preview, kept while the draft is edited. */
    private final Map<String, String> typed = new LinkedHashMap<>();
    private @Nullable Instrument instrument;

    InstrumentPreview() {
        language.setLabel(getTranslation("designer.preview.language"));
        language.setItems(ENGLISH, CHINESE);
        language.setItemLabelGenerator(l -> getTranslation(l == CHINESE ? "designer.preview.chinese"
                : "designer.preview.english"));
        language.setValue(ENGLISH);
        language.addValueChangeListener(e -> draw());
        phone.addClassName("phone-frame");
        scores.addClassName("preview-scores");
        notComputed.addClassName("score-not-computed");
        getContent().addClassName("instrument-preview");
        getContent().add(language, phone);
    }

    Locale locale() {
        return language.getValue();
    }

    void setLocale(Locale locale) {
        language.setValue(locale);
    }

    /** Shows the instrument as it stands in the editor. */
    void show(Instrument shown) {
        this.instrument = shown;
        draw();
    }

    private void draw() {
        remember();
        fields.clear();
        phone.removeAll();
        if (instrument == null) {
            return;
        }
        Locale locale = locale();
        phone.add(new H3(instrument.name().in(locale).isBlank() ? getTranslation(locale, "designer.preview.untitled")
                : instrument.name().in(locale)));
        if (instrument.note() != null) {
            phone.add(new Paragraph(instrument.note().in(locale)));
        }
        for (Item item : instrument.items()) {
            if (item.type() == ItemType.CALCULATED) {
                continue;
            }
            try {
                var field = new ItemField(item, typed.get(item.code()), locale);
                field.onChange(this::follow);
                fields.add(field);
                phone.add(field);
            } catch (RuntimeException incomplete) {
                // An item being built (a scale without its range, say) cannot be drawn yet.
                var note = new Paragraph(getTranslation(locale, "designer.preview.incomplete", item.code()));
                note.addClassName("preview-incomplete");
                phone.add(note);
            }
        }
        phone.add(notComputed, scores);
        follow();
    }

    private void remember() {
        // Blank answers are left out: an item is drawn from its answer, and "" is no number or date.
        fields.stream().filter(ItemField::answerable).forEach(f -> {
            if (f.answer().isBlank()) {
                typed.remove(f.code());
            } else {
                typed.put(f.code(), f.answer());
            }
        });
    }

    /** Shows and hides items by the branching, and the scores, for the answers as they stand. */
    private void follow() {
        remember();
        Locale locale = locale();
        Map<String, String> answers = new LinkedHashMap<>();
        fields.stream().filter(ItemField::answerable).forEach(f -> answers.put(f.code(), f.answer()));
        try {
            Set<String> shown = InstrumentScoring.shownItems(instrument, answers);
            fields.forEach(f -> f.setVisible(shown.contains(f.code())));
            answers.keySet().retainAll(shown);
            Map<String, Double> computed = InstrumentScoring.scores(instrument, answers);
            scores.setText(instrument.scores().isEmpty() ? "" : getTranslation(locale, "designer.preview.scores",
                    instrument.scores().stream().map(s -> getTranslation(locale, "designer.preview.score", s.label()
                            .in(locale), computed.containsKey(s.code()) ? number(computed.get(s.code())) : "–"))
                            .collect(Collectors.joining("; "))));
            notComputed.setText(InstrumentScoring.notComputed(instrument, answers).stream()
                    .map(s -> getTranslation(locale, "designer.preview.not-computed", s.label().in(locale)))
                    .collect(Collectors.joining(" ")));
        } catch (RuntimeException unfinished) {
            // An expression still being written: the preview shows every item until the service accepts it.
            fields.forEach(f -> f.setVisible(true));
            scores.setText(getTranslation(locale, "designer.preview.expression-pending"));
            notComputed.setText("");
        }
    }

    /** Scores as people read them: 7 rather than 7.0. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
