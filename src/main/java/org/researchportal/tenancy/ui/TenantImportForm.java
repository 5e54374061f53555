package org.researchportal.tenancy.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.LimitedUpload;
import org.researchportal.base.ui.PortalUpload;
import org.researchportal.tenancy.ArchiveImport;
import org.researchportal.tenancy.TenantArchive;

/** The platform administrator brings in an institution exported from another installation (all or nothing). */
final class TenantImportForm extends Composite<Div> {

    /** Held in memory while it is read: larger institutions move with the command line, not the browser. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    TenantImportForm(TenantArchive archive, Runnable onImported) {
        var result = new Paragraph(getTranslation("archive.import.hint"));
        result.addClassName("archive-import-result");
        UI ui = UI.getCurrent();
        var upload = new PortalUpload(new LimitedUpload(MAX_BYTES, (metadata, bytes) -> ui.access(() -> {
            result.removeClassName("text-error");
            try {
                ArchiveImport imported = archive.importArchive(new ByteArrayInputStream(bytes));
                Map<String, Integer> counts = imported.counts();
                result.setText(getTranslation("archive.imported", imported.tenantId(),
                        counts.getOrDefault("participants", 0),
                        counts.values().stream().mapToInt(Integer::intValue).sum(), imported.archiveSha256()));
                onImported.run();
            } catch (ValidationException refused) {
                result.setText(getTranslation(refused.fieldMessageKeys().getOrDefault("archive",
                        "tenant.archive.invalid")));
                result.addClassName("text-error");
            }
        })));
        upload.setAcceptedFileTypes(".zip", "application/zip");
        upload.setMaxFileSize((int) MAX_BYTES);
        upload.setMaxFiles(1);
        getContent().add(upload, result);
    }
}
