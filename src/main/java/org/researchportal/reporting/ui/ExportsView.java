package org.researchportal.reporting.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.reporting.StudyExports;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * Study exports for analysis: CSV with its data dictionary, CDISC ODM 1.3.2, and a zip of every table (with adverse
 * events, programme adherence and the calls' answers for a reader who may see the arm). Each streams as it is written
 * and the page shows how far it got. An assessor's exports carry no arm, nor those tables.
 */
@Route("exports")
@Menu(order = 80, icon = "DOWNLOAD", title = "menu.exports")
@RolesAllowed({Roles.CLINICIAN, Roles.ASSESSOR, Roles.MONITOR})
final class ExportsView extends Main implements HasDynamicTitle {

    private final StudyExports exports;
    private final Span progress = new Span();

    ExportsView(StudyExports exports, StudyService studies) {
        this.exports = exports;
        addClassName("portal-view");
        add(new ViewToolbar(getTranslation("menu.exports")));
        if (CurrentUser.require().blinded()) {
            add(new Paragraph(getTranslation("exports.blinded")));
            add(new Paragraph(getTranslation("exports.blinded-tables")));
        } else {
            add(new Paragraph(getTranslation("exports.tables")));
        }
        for (StudySummary study : studies.studies()) {
            var links = new Div(download(study, "csv", "text/csv", "exports.csv"),
                    download(study, "dictionary.csv", "text/csv", "exports.dictionary"),
                    download(study, "odm.xml", "application/xml", "exports.odm"),
                    download(study, "zip", "application/zip", "exports.zip"));
            links.addClassName("export-links");
            add(new Section(study.acronym() + " · " + study.title(), links));
        }
        progress.addClassName("export-progress");
        add(progress);
    }

    private Anchor download(StudySummary study, String suffix, String type, String labelKey) {
        var anchor = new Anchor(event -> {
            event.setFileName(study.acronym() + "-export." + suffix);
            event.setContentType(type);
            UI ui = event.getUI();
            ui.access(() -> {
                ui.setPollInterval(500);
                progress.setText(getTranslation("exports.running"));
            });
            var counted = new CountingStream(event.getOutputStream(), written -> ui.access(() -> progress.setText(
                    getTranslation("exports.progress", written / 1024))));
            try (OutputStream out = counted) {
                if (suffix.equals("odm.xml")) {
                    exports.odm(study.id(), out);
                } else if (suffix.equals("zip")) {
                    exports.zip(study.id(), out);
                } else {
                    var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    if (suffix.equals("csv")) {
                        exports.csv(study.id(), writer);
                    } else {
                        exports.dictionary(study.id(), writer);
                    }
                    writer.flush();
                }
            } finally {
                ui.access(() -> {
                    progress.setText(getTranslation("exports.done", counted.written() / 1024));
                    ui.setPollInterval(-1);
                });
            }
        }, getTranslation(labelKey));
        anchor.setDownload(true);
        anchor.addClassName("big-link");
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.exports");
    }
}
