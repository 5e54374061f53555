package org.researchportal.quality.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.researchportal.base.ui.Formats;
import org.researchportal.quality.CheckFinding;
import org.researchportal.quality.EditChecks;
import org.researchportal.study.StudySummary;

/** The "run all checks" report: each failing check on each saved form, and the same as CSV. */
final class CheckReport extends Composite<Div> {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final EditChecks checks;

    CheckReport(EditChecks checks) {
        this.checks = checks;
        getContent().addClassName("edit-check-report");
    }

    void clear() {
        getContent().removeAll();
    }

    void show(StudySummary study) {
        List<CheckFinding> findings = checks.runAll(study.id());
        clear();
        getContent().add(new H2(getTranslation("edit-checks.report")));
        if (findings.isEmpty()) {
            getContent().add(new Paragraph(getTranslation("edit-checks.report.none")));
            return;
        }
        var grid = new Grid<CheckFinding>();
        grid.addColumn(f -> Formats.text(f.studyNumber())).setHeader(getTranslation("participant.study-number"))
                .setAutoWidth(true);
        grid.addColumn(f -> getTranslation(f.kind().messageKey()) + (f.form().equals(f.kind().code()) ? ""
                : " · " + f.form())).setHeader(getTranslation("edit-check.form")).setAutoWidth(true);
        grid.addColumn(CheckFinding::occasion).setHeader(getTranslation("edit-checks.report.occasion"))
                .setAutoWidth(true);
        grid.addColumn(CheckFinding::item).setHeader(getTranslation("edit-check.item")).setAutoWidth(true);
        grid.addColumn(CheckFinding::value).setHeader(getTranslation("edit-checks.report.value")).setAutoWidth(true);
        grid.addColumn(CheckFinding::checkCode).setHeader(getTranslation("edit-check.code")).setAutoWidth(true);
        grid.addColumn(f -> getLocale().getLanguage().equals("zh") ? f.messageZh() : f.messageEn())
                .setHeader(getTranslation("edit-checks.report.message")).setFlexGrow(1);
        grid.setItems(findings);
        grid.addClassName("portal-grid");
        var download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = bytes(checks.runAllCsv(study.id()));
            return new DownloadResponse(new ByteArrayInputStream(csv), study.acronym().replaceAll(
                    "[^A-Za-z0-9_-]+", "_") + "_edit_checks.csv", "text/csv;charset=UTF-8", csv.length);
        }), getTranslation("edit-checks.report.download"));
        download.setDownload(true);
        getContent().add(new Paragraph(getTranslation("edit-checks.report.count", findings.size())), download, grid);
    }

    /** UTF-8 with a byte order mark, so a spreadsheet reads the Chinese messages right. */
    private static byte[] bytes(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, csv, 0, BOM.length);
        System.arraycopy(body, 0, csv, BOM.length, body.length);
        return csv;
    }
}
