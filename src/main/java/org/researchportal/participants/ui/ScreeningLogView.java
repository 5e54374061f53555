package org.researchportal.participants.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.NoStudyNotice;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.StudyChooser;
import org.researchportal.base.ui.UnsavedChanges;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.participants.ParticipantRow;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/** The screening log: every candidate with number, date, status and why screening failed; new candidates start here. */
@Route("screening")
@Menu(order = 11, icon = "CLIPBOARD_USER", title = "menu.screening")
@RolesAllowed(Roles.CLINICIAN)
final class ScreeningLogView extends Main implements BeforeLeaveObserver, HasDynamicTitle {

    private final UnsavedChanges changes = new UnsavedChanges(this);

    private final ParticipantService participants;
    private final ScreeningService screening;
    private final StudyService studies;
    private final Div body = new Div();
    private final Button newCandidate = new Button();
    private @Nullable StudySummary current;

    ScreeningLogView(ParticipantService participants, ScreeningService screening, StudyService studies) {
        this.participants = participants;
        this.screening = screening;
        this.studies = studies;
        addClassName("portal-view");
        newCandidate.setText(getTranslation("screening.new"));
        newCandidate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newCandidate.addClickListener(e -> {
            if (current != null) {
                var dialog = new NewCandidateDialog(screening, current, id -> getUI()
                        .ifPresent(ui -> ui.navigate(ParticipantRecordView.class, id)));
                var unsaved = changes.formOf(dialog);
                // Closed (saved, or cancelled on purpose): nothing of it is left to lose.
                dialog.addOpenedChangeListener(opened -> {
                    if (!opened.isOpened()) {
                        unsaved.saved();
                    }
                });
                dialog.open();
            }
        });
        var chooser = new StudyChooser<>(studies.studies(), StudySummary::acronym, this::show);
        add(new ViewToolbar(getTranslation("menu.screening"), chooser, newCandidate), body);
        chooser.first().ifPresentOrElse(chooser::choose, () -> body.add(new NoStudyNotice()));
    }

    private void show(StudySummary study) {
        current = study;
        var grid = new Grid<ParticipantRow>();
        grid.addColumn(ParticipantRow::screeningNumber).setHeader(getTranslation("participant.screening-number"))
                .setAutoWidth(true);
        grid.addColumn(r -> Formats.date(r.screenedOn(), getLocale()))
                .setHeader(getTranslation("participant.screened-on")).setAutoWidth(true);
        grid.addColumn(ParticipantRow::displayName).setHeader(getTranslation("participant.name")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.status().messageKey())).setHeader(getTranslation("participant.status"))
                .setAutoWidth(true);
        // Why screening failed, in the study's own words and the reader's language, not the criteria's codes.
        boolean chinese = getLocale().getLanguage().equals("zh");
        Map<String, String> criteria = new HashMap<>();
        studies.eligibilityModel(study.id()).criteria().forEach(c -> criteria.put(c.code(),
                chinese && !c.textZh().isBlank() ? c.textZh() : c.text()));
        grid.addColumn(r -> r.failedCriteria().stream().map(code -> criteria.getOrDefault(code, code))
                .collect(Collectors.joining("; "))).setHeader(getTranslation("screening.failed-criteria"))
                .setFlexGrow(1);
        grid.addColumn(r -> Formats.text(r.armName())).setHeader(getTranslation("participant.arm")).setAutoWidth(true);
        // Filtered by the database, page by page: the grid stays lazy whatever is searched.
        var filters = new ParticipantFilterBar(study, () -> grid.getDataProvider().refreshAll());
        grid.setItems(query -> participants.findParticipants(study.id(), filters.filter(),
                toSpringPageRequest(query)).stream());
        grid.setEmptyStateText(getTranslation("participant.filter.none"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ParticipantRecordView.class,
                e.getItem().id())));
        grid.addClassName("portal-grid");
        body.removeAll();
        body.add(new Section(study.acronym() + " · " + getTranslation("screening.log"), filters, grid));
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        changes.beforeLeave(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.screening");
    }
}
