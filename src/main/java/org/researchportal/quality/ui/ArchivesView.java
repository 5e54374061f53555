package org.researchportal.quality.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.NoStudyNotice;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.StudyChooser;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.quality.LockArchiveRow;
import org.researchportal.quality.LockArchives;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * A study's archives, one per database lock: when it was locked and by whom, the file's size and SHA-256 (so a copy
 * can be proven to be the one kept), and the download. For the monitor and the tenant administrator only.
 */
@Route("archives")
@Menu(order = 82, icon = "ARCHIVE", title = "menu.archives")
@RolesAllowed({Roles.MONITOR, Roles.TENANT_ADMIN})
final class ArchivesView extends Main implements HasDynamicTitle {

    private final LockArchives archives;
    private final Div body = new Div();

    ArchivesView(LockArchives archives, StudyService studies) {
        this.archives = archives;
        addClassName("portal-view");
        var chooser = new StudyChooser<>(studies.studies(), StudySummary::acronym, this::show);
        add(new ViewToolbar(getTranslation("menu.archives"), chooser), body);
        chooser.first().ifPresentOrElse(chooser::choose, () -> body.add(new NoStudyNotice()));
    }

    private void show(StudySummary study) {
        body.removeAll();
        var intro = new Paragraph(getTranslation("archives.intro"));
        List<LockArchiveRow> rows = archives.archives(study.id());
        if (rows.isEmpty()) {
            body.add(new Section(study.acronym() + " · " + study.title(), intro,
                    new Paragraph(getTranslation("archives.none"))));
            return;
        }
        // A study has an archive per lock, a handful at most: the list is read whole.
        var grid = new Grid<LockArchiveRow>();
        grid.addColumn(r -> Formats.dateTime(r.lockedAt(), CurrentUser.require().zone(), getLocale()))
                .setHeader(getTranslation("archives.locked-at")).setAutoWidth(true);
        grid.addColumn(LockArchiveRow::lockedBy).setHeader(getTranslation("archives.locked-by")).setAutoWidth(true);
        grid.addColumn(r -> Formats.fileSize(r.size())).setHeader(getTranslation("archives.size"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> {
            var digest = new Span(r.sha256());
            digest.addClassName("archive-sha256");
            return digest;
        }).setHeader(getTranslation("archives.sha256")).setFlexGrow(1);
        grid.addComponentColumn(this::download).setHeader(getTranslation("archives.file")).setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addClassName("portal-grid");
        body.add(new Section(study.acronym() + " · " + study.title(), intro, grid));
    }

    private Anchor download(LockArchiveRow row) {
        var link = new Anchor(DownloadHandler.fromInputStream(event -> {
            var file = archives.download(row.id());
            return new DownloadResponse(file.open(), file.fileName(), file.contentType(), file.length());
        }), getTranslation("archives.download"));
        link.setDownload(true);
        link.addClassName("archive-download");
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.archives");
    }
}
