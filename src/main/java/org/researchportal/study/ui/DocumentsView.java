package org.researchportal.study.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.concurrent.atomic.AtomicReference;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.PeopleNames;
import org.researchportal.study.DocumentRow;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.researchportal.study.TrialDocumentService;
import org.researchportal.tenancy.StoredFile;

/** The study's documents: every version the person may open, and (for administrators and clinicians) uploads. */
@Route("documents")
@Menu(order = 79, icon = "FOLDER_OPEN", title = "menu.documents")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.CLINICIAN, Roles.ASSESSOR, Roles.MONITOR, Roles.THERAPIST, Roles.COORDINATOR})
final class DocumentsView extends Main implements HasDynamicTitle {

    DocumentsView(TrialDocumentService service, StudyService studies, AccountService accounts) {
        addClassName("portal-view");
        add(new ViewToolbar(getTranslation("menu.documents")));
        boolean mayUpload = CurrentUser.require().hasRole(PortalRole.TENANT_ADMIN)
                || CurrentUser.require().hasRole(PortalRole.CLINICIAN);
        for (StudySummary study : studies.studies()) {
            var grid = new Grid<DocumentRow>();
            // Who uploaded each is named once for the study's list, again after an upload.
            var people = new AtomicReference<PeopleNames>();
            Runnable fill = () -> {
                var documents = service.documents(study.id());
                people.set(accounts.names(documents.stream().map(DocumentRow::uploadedBy).toList()));
                grid.setItems(documents);
            };
            grid.addColumn(DocumentRow::title).setHeader(getTranslation("document.title")).setAutoWidth(true);
            grid.addColumn(d -> "v" + d.version()).setHeader(getTranslation("document.version")).setAutoWidth(true);
            grid.addColumn(d -> getTranslation(d.kind().messageKey())).setHeader(getTranslation("document.kind"))
                    .setAutoWidth(true);
            grid.addColumn(d -> Formats.text(d.note())).setHeader(getTranslation("document.note")).setFlexGrow(1);
            grid.addColumn(d -> people.get().shown(d.uploadedBy(), getLocale()) + " · "
                    + Formats.dateTime(d.uploadedAt(), CurrentUser.require().zone(), getLocale()))
                    .setHeader(getTranslation("document.uploaded")).setAutoWidth(true);
            grid.addComponentColumn(d -> download(service, d)).setHeader(getTranslation("document.file"))
                    .setAutoWidth(true);
            fill.run();
            grid.setAllRowsVisible(true);
            grid.setEmptyStateText(getTranslation("document.none"));
            add(new Section(study.acronym() + " · " + getTranslation("menu.documents"), grid));
            if (mayUpload) {
                add(new Section(getTranslation("document.new"), new DocumentUploadForm(study.id(), service,
                        fill)));
            }
        }
    }

    private Anchor download(TrialDocumentService service, DocumentRow document) {
        var anchor = new Anchor(event -> {
            StoredFile file = service.open(document.id());
            event.setFileName(file.fileName());
            event.setContentType(file.contentType());
            event.setContentLength(file.length());
            try (var in = file.open(); var out = event.getOutputStream()) {
                in.transferTo(out);
            }
        }, document.fileName() + " (" + Formats.fileSize(document.size()) + ")");
        anchor.setDownload(true);
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.documents");
    }
}
