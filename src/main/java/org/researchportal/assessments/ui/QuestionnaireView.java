package org.researchportal.assessments.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.researchportal.assessments.DueQuestionnaire;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;
import org.researchportal.assessments.OpenQuestionnaire;
import org.researchportal.assessments.QuestionnaireAnswers;
import org.researchportal.assessments.Respondent;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.ViewToolbar;

/**
 * The participant's questionnaire on her phone: one item to a block, each answer kept the moment she gives it (a
 * reload or a dropped connection resumes where she stopped), branching and the missing-item rule as the assessor's
 * form has them, how many she has answered, then sent once after she confirms. Once sent it is shown to read, never
 * to change. Not hers, or not open: "not found".
 */
@Route("my-questionnaires/:timepoint/:instrument")
@RolesAllowed(Roles.PARTICIPANT)
final class QuestionnaireView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final QuestionnaireAnswers answers;
    private final List<ItemField> fields = new ArrayList<>();
    private final Paragraph progress = new Paragraph();
    private final Paragraph notComputed = new Paragraph();
    private String title = "";

    QuestionnaireView(QuestionnaireAnswers answers) {
        this.answers = answers;
        addClassNames("portal-view", "participant-home", "questionnaire-form");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String timepoint = event.getRouteParameters().get("timepoint").orElse("");
        String instrument = event.getRouteParameters().get("instrument").orElse("");
        OpenQuestionnaire open;
        try {
            open = answers.open(timepoint, instrument);
        } catch (org.researchportal.base.NotFoundException notHers) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(open);
    }

    private void show(OpenQuestionnaire open) {
        removeAll();
        fields.clear();
        Instrument instrument = open.instrument();
        DueQuestionnaire due = open.due();
        title = instrument.name().in(getLocale());
        add(new ViewToolbar(title));
        var about = new Paragraph(due.timepointLabel(getLocale()) + " · " + (open.completed()
                ? sentLine(due) : getTranslation(due.state() == DueQuestionnaire.State.LATE ? "questionnaires.late"
                        : "questionnaires.due", Formats.date(due.dueOn(), getLocale()))));
        about.addClassName("questionnaire-about");
        add(about);
        if (instrument.note() != null) {
            add(new Paragraph(instrument.note().in(getLocale())));
        }
        var items = new Div();
        items.addClassName("questionnaire-items");
        for (Item item : instrument.items()) {
            if (item.type() == ItemType.CALCULATED) {
                continue;
            }
            var field = new ItemField(item, open.answers().get(item.code()), getLocale());
            field.addClassName("questionnaire-item");
            field.setReadOnly(open.completed());
            fields.add(field);
            items.add(field);
        }
        notComputed.addClassName("score-not-computed");
        progress.addClassName("questionnaire-progress");
        // Read by a screen reader as it changes, without moving her focus.
        progress.getElement().setAttribute("aria-live", "polite");
        if (open.completed()) {
            ItemFields.showBranches(instrument, fields);
            var home = new Anchor("my-study", getTranslation("questionnaires.back"));
            home.addClassName("big-link");
            add(items, home);
            return;
        }
        var kept = new Paragraph(getTranslation("questionnaires.kept"));
        kept.addClassName("questionnaire-kept");
        add(kept, progress, items, notComputed);
        fields.stream().filter(ItemField::answerable).forEach(f -> f.onChange(() -> {
            keep(due, instrument, f);
            refresh(instrument);
        }));
        refresh(instrument);
        var send = new Button(getTranslation("questionnaires.send"), e -> confirmSend(due));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        send.addClassName("questionnaire-send");
        add(send);
    }

    private String sentLine(DueQuestionnaire due) {
        LocalDate on = due.answeredAt() == null ? null
                : due.answeredAt().atZone(CurrentUser.require().zone()).toLocalDate();
        return getTranslation(due.respondent() == Respondent.PARTICIPANT ? "questionnaires.sent-on"
                : "questionnaires.recorded-on", Formats.date(on, getLocale()));
    }

    /** Keeps the answer the moment it is given; a refusal shows at the item and nothing is kept. */
    private void keep(DueQuestionnaire due, Instrument instrument, ItemField field) {
        try {
            answers.keep(due.timepoint(), instrument.code(), field.code(), field.answer());
            field.setInvalid(false);
        } catch (ValidationException refusal) {
            FieldErrors.show(this, refusal, Map.of("item." + field.code(), field));
        }
    }

    private void refresh(Instrument instrument) {
        Set<String> shown = ItemFields.showBranches(instrument, fields);
        Map<String, String> given = ItemFields.shownAnswers(fields);
        long answerable = fields.stream().filter(f -> f.answerable() && shown.contains(f.code())).count();
        long answered = given.values().stream().filter(a -> !a.isBlank()).count();
        progress.setText(getTranslation("questionnaires.progress", answered, answerable));
        String text = ItemFields.notComputed(this, getLocale(), instrument, given);
        notComputed.setText(text);
        notComputed.setVisible(!text.isEmpty() && answered > 0);
    }

    private void confirmSend(DueQuestionnaire due) {
        var ask = new ConfirmDialog(getTranslation("questionnaires.confirm-title"),
                getTranslation("questionnaires.confirm"), getTranslation("questionnaires.send"), e -> send(due));
        ask.setCancelable(true);
        ask.setCancelText(getTranslation("action.cancel"));
        ask.open();
    }

    private void send(DueQuestionnaire due) {
        Map<String, HasValidation> targets = new LinkedHashMap<>();
        fields.forEach(f -> targets.put("item." + f.code(), f));
        try {
            answers.submit(due.timepoint(), due.instrument());
        } catch (ValidationException refusal) {
            FieldErrors.show(this, refusal, targets);
            return;
        }
        removeAll();
        var thanks = new Div();
        thanks.addClassNames("card", "questionnaire-thanks");
        var home = new Anchor("my-study", getTranslation("questionnaires.back"));
        home.addClassName("big-link");
        thanks.add(new H2(getTranslation("questionnaires.thanks-title")),
                new Paragraph(getTranslation("questionnaires.thanks")), home);
        add(new ViewToolbar(title), thanks);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
