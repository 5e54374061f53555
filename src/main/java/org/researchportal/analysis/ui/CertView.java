package org.researchportal.analysis.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.analysis.CertEntry;
import org.researchportal.analysis.CertReport;
import org.researchportal.analysis.CertReports;
import org.researchportal.analysis.CertTeamText;
import org.researchportal.analysis.FigureSource;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.Roles;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.base.ui.DownloadLink;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.NoStudyNotice;
import org.researchportal.base.ui.StudyChooser;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * The study's exercise intervention as delivered, by the CERT checklist: each item with what the programme data
 * reports and the team's text, which the therapist and the clinician write and the statistician reads; with the
 * checklist to download for the paper (CSV, Markdown) and the records behind its figures. Opened at a study with
 * {@code ?study=<id>}. Its figures name the exercise arm, so never a blinded role's.
 */
@Route("cert")
@Menu(order = 27, icon = "CLIPBOARD_CHECK", title = "cert.title")
@RolesAllowed({Roles.THERAPIST, Roles.CLINICIAN, Roles.STATISTICIAN})
@ShowsArms
final class CertView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private final StudyService studies;
    private final CertReports reports;
    private final Div body = new Div();

    CertView(StudyService studies, CertReports reports) {
        this.studies = studies;
        this.reports = reports;
        addClassNames("portal-view", "cert-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String wanted = event.getLocation().getQueryParameters().getSingleParameter("study").orElse(null);
        removeAll();
        body.removeAll();
        List<StudySummary> all = studies.studies();
        var chooser = new StudyChooser<>(all, StudySummary::acronym, this::show);
        add(new ViewToolbar(getTranslation("cert.title"), chooser), body);
        all.stream().filter(s -> s.id().equals(wanted)).findFirst().or(chooser::first)
                .ifPresentOrElse(chooser::choose, () -> body.add(new NoStudyNotice()));
    }

    private void show(StudySummary study) {
        body.removeAll();
        CertReport report = reports.report(study.id());
        boolean writes = CurrentUser.require().hasRole(PortalRole.THERAPIST)
                || CurrentUser.require().hasRole(PortalRole.CLINICIAN);
        body.add(new Paragraph(getTranslation("cert.intro")));
        if (!writes) {
            var readOnly = new Paragraph(getTranslation("cert.read-only"));
            readOnly.addClassName("portal-notice");
            body.add(readOnly);
        }
        var completeness = new Paragraph(getTranslation("cert.completeness", report.completeCount(),
                report.entries().size()));
        completeness.addClassName("cert-completeness");
        String file = "cert-" + study.acronym().toLowerCase(Locale.ROOT);
        var downloads = new Div(DownloadLink.csv(getTranslation("cert.download.csv"), file + ".csv",
                () -> CertChecklist.csv(reports.report(study.id()), this::getTranslation, getLocale())),
                DownloadLink.of(getTranslation("cert.download.markdown"), file + ".md", "text/markdown",
                        () -> CertChecklist.markdown(reports.report(study.id()), this::getTranslation, getLocale())),
                DownloadLink.csv(getTranslation("cert.download.sources"), file + "-sources.csv",
                        () -> FigureSource.csv(reports.report(study.id()).sources())));
        downloads.addClassName("statistics-downloads");
        body.add(completeness, downloads);
        report.entries().forEach(entry -> body.add(item(study, entry, writes)));
    }

    private Div item(StudySummary study, CertEntry entry, boolean writes) {
        var card = new Div();
        card.addClassName("cert-item");
        var heading = new H3(entry.item().number() + " · " + getTranslation(entry.item().messageKey()));
        var section = new Span(getTranslation(entry.item().section().messageKey()) + " · "
                + getTranslation(entry.item().from().messageKey()) + " · "
                + getTranslation(entry.complete() ? "cert.complete" : "cert.incomplete"));
        section.addClassName("cert-item__meta");
        card.add(heading, section);
        List<String> reported = CertChecklist.reported(entry, this::getTranslation, getLocale());
        if (!reported.isEmpty()) {
            var list = new UnorderedList();
            reported.forEach(sentence -> list.add(new ListItem(sentence)));
            card.add(list);
        } else if (entry.item().from().fromData()) {
            card.add(new Paragraph(getTranslation("cert.no-data")));
        }
        CertTeamText team = entry.team();
        if (writes) {
            card.add(editor(study, entry, team));
        } else if (team != null && !team.text().isBlank()) {
            card.add(new Paragraph(getTranslation("cert.team") + ": " + team.text()));
        }
        return card;
    }

    private Div editor(StudySummary study, CertEntry entry, @Nullable CertTeamText team) {
        var text = new TextArea(getTranslation("cert.team"));
        text.setPlaceholder(getTranslation("cert.team.placeholder"));
        text.setMaxLength(CertReports.MAX_TEXT);
        text.setWidthFull();
        text.setValue(team == null ? "" : team.text());
        var save = new Button(getTranslation("cert.save"), click -> {
            try {
                reports.complete(study.id(), entry.item().number(), text.getValue(),
                        team == null ? null : team.version());
                Notification.show(getTranslation("cert.saved"));
                show(study);
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, Map.of("text", text, "item", text));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var editor = new Div(text, save);
        editor.addClassName("cert-item__team");
        if (team != null) {
            editor.add(new Paragraph(getTranslation("cert.team-by", Formats.date(team.updatedAt()
                    .atZone(ZoneId.systemDefault()).toLocalDate(), getLocale()))));
        }
        return editor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cert.title");
    }
}
