package org.researchportal.quality.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.NoStudyNotice;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.StatCard;
import org.researchportal.base.ui.StudyChooser;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.quality.RecordLocking;
import org.researchportal.quality.SdvForm;
import org.researchportal.quality.SdvProgress;
import org.researchportal.quality.SourceVerification;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.researchportal.study.Timepoint;

/**
 * A study's source-data verification: its plan, progress against it and the forms still to verify. For the monitor
 * and the tenant administrator; both see form names only, never values or arms.
 */
@Route("sdv")
@Menu(order = 68, icon = "CHECK_SQUARE_O", title = "sdv.view.title")
@RolesAllowed({Roles.MONITOR, Roles.TENANT_ADMIN})
final class SourceVerificationView extends Main implements HasDynamicTitle {

    private final SourceVerification verification;
    private final StudyService studies;
    private final RecordLocking locking;
    private final Div body = new Div();

    SourceVerificationView(SourceVerification verification, StudyService studies, RecordLocking locking) {
        this.locking = locking;
        this.verification = verification;
        this.studies = studies;
        addClassNames("portal-view", "sdv-view");
        var chooser = new StudyChooser<>(studies.studies(), StudySummary::acronym, this::show);
        add(new ViewToolbar(getTranslation("sdv.view.title"), chooser), body);
        chooser.first().ifPresentOrElse(chooser::choose, () -> body.add(new NoStudyNotice()));
    }

    private void show(StudySummary study) {
        List<Timepoint> schedule = studies.schedule(study.id());
        var forms = verification.forms(study.id());
        SdvProgress progress = SdvProgress.of(forms);
        body.removeAll();
        var figures = new Div(new StatCard(getTranslation("sdv.view.required"), String.valueOf(progress.required())),
                new StatCard(getTranslation("sdv.view.verified"), String.valueOf(progress.verified())),
                new StatCard(getTranslation("sdv.view.cleared"), String.valueOf(progress.cleared())),
                new StatCard(getTranslation("sdv.view.outstanding"), String.valueOf(progress.outstanding())));
        figures.addClassNames("stat-row", "sdv-figures");
        var percent = new Paragraph(getTranslation("sdv.view.percent", progress.percentVerified()));
        body.add(new Section(getTranslation("sdv.view.plan"), new SdvPlanForm(study.id(), schedule, verification,
                () -> show(study))), new Section(getTranslation("sdv.view.progress"), figures, percent),
                new Section(getTranslation("sdv.view.participants"), new ParticipantVerifications(forms, locking
                        .locksOfStudy(study.id()), locking, () -> show(study))),
                new Section(getTranslation("sdv.view.outstanding-forms"), outstanding(progress, schedule)));
    }

    private com.vaadin.flow.component.Component outstanding(SdvProgress progress, List<Timepoint> schedule) {
        if (progress.outstandingForms().isEmpty()) {
            return new Paragraph(getTranslation("sdv.view.none-outstanding"));
        }
        var grid = new Grid<SdvForm>();
        grid.addColumn(f -> Formats.text(f.studyNumber())).setHeader(getTranslation("sdv.view.participant"))
                .setAutoWidth(true);
        grid.addColumn(f -> formName(f.form(), schedule)).setHeader(getTranslation("sdv.view.form")).setFlexGrow(1);
        grid.addColumn(f -> getTranslation(f.state().messageKey())).setHeader(getTranslation("sdv.view.state"))
                .setAutoWidth(true);
        // The outstanding forms are already in memory: the plan needs them all to count progress.
        grid.setItems(progress.outstandingForms());
        grid.addClassNames("portal-grid", "sdv-outstanding");
        return grid;
    }

    /** "Instrument stiffness · Week 6", "Consent", "Adverse event" in the reader's language. */
    private String formName(ClinicalForm form, List<Timepoint> schedule) {
        if (form.kind() != FormKind.INSTRUMENT) {
            return getTranslation(form.kind().messageKey());
        }
        String timepoint = schedule.stream().filter(t -> t.code().equals(form.occasion())).findFirst()
                .map(t -> getLocale().getLanguage().equals("zh") && t.labelZh() != null && !t.labelZh().isBlank()
                        ? t.labelZh() : t.label())
                .orElse(form.occasion());
        return form.form() + " · " + timepoint;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sdv.view.title");
    }
}
