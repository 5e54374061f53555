package org.researchportal.tenancy.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.tenancy.TenantArchive;

/**
 * The tenant administrator's copy of the whole institution: every study, participant, record, message and file, as
 * one archive that a platform administrator can bring into another installation.
 */
@Route("admin/archive")
@Menu(order = 82, icon = "ARCHIVE", title = "menu.archive")
@RolesAllowed(Roles.TENANT_ADMIN)
final class TenantArchiveView extends Main implements HasDynamicTitle {

    TenantArchiveView(TenantArchive archive) {
        addClassName("portal-view");
        String tenant = String.valueOf(CurrentUser.require().tenantId());
        var download = new Anchor(event -> {
            event.setFileName(tenant + "-" + LocalDate.now(CurrentUser.require().zone()) + ".rparchive.zip");
            event.setContentType("application/zip");
            archive.export(event.getOutputStream());
        }, getTranslation("archive.download"));
        download.getElement().setAttribute("download", true);
        download.addClassName("archive-download");
        var section = new Section(getTranslation("archive.title"), new Paragraph(getTranslation("archive.what")),
                new Paragraph(getTranslation("archive.keys")), download);
        add(new ViewToolbar(getTranslation("menu.archive")), section);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.archive");
    }
}
