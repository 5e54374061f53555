package org.researchportal.tenancy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.FirstAdministrator;
import org.researchportal.tenancy.TenantArchive;
import org.researchportal.tenancy.TenantService;
import org.researchportal.tenancy.TenantSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The platform administrator imports an institution on the tenants page and is told truthfully what happened: what
 * came in (and that it is in the institution's trail with the archive's digest), or why nothing did.
 */
class TenantImportUiTests extends UiTest {

    @Autowired
    TenantService tenants;
    @Autowired
    TenantArchive archive;
    @Autowired
    MongoOperations mongo;

    @Test
    void anImportedInstitutionIsReportedAsImportedAndAuditedWithTheArchivesDigest() throws Exception {
        signInToUi("platform.admin");
        tenants.createWithAdministrator("moving", "Moving Hospital", "Asia/Shanghai",
                new FirstAdministrator("mo.ving", "Mo Ving", null));
        byte[] bytes = exported("moving");
        TenantSnapshot.erase(mongo, "moving");

        UI.getCurrent().navigate("platform/tenants");
        _upload(_get(Upload.class), "moving.rparchive.zip", "application/zip", bytes);

        String said = _get(Paragraph.class, spec -> spec.withClasses("archive-import-result")).getText();
        assertThat(said).contains("Imported", "moving");
        assertThat(getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .as("no failure shown for an import that happened").isEmpty();
        assertThat(allCells(_get(Grid.class))).contains("Moving Hospital");
        Document audited = mongo.getCollection("audit_events").find(new Document("tenantId", "moving")
                .append("action", "tenant.imported")).first();
        assertThat(audited).isNotNull();
        assertThat(audited.getString("actor")).isEqualTo("platform.admin");
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(said).contains(digest);
    }

    @Test
    void aRefusedImportSaysWhyAndWritesNothing() throws Exception {
        signInToUi("platform.admin");
        tenants.createWithAdministrator("staying", "Staying Hospital", "Asia/Shanghai",
                new FirstAdministrator("st.aying", "St Aying", null));
        byte[] bytes = exported("staying");
        long tenantsBefore = mongo.getCollection("tenants").countDocuments();

        UI.getCurrent().navigate("platform/tenants");
        _upload(_get(Upload.class), "staying.rparchive.zip", "application/zip", bytes);

        Paragraph result = _get(Paragraph.class, spec -> spec.withClasses("archive-import-result"));
        assertThat(result.getText()).contains("already has a tenant", "Nothing was imported");
        assertThat(result.hasClassName("text-error")).isTrue();
        assertThat(mongo.getCollection("tenants").countDocuments()).isEqualTo(tenantsBefore);
    }

    private byte[] exported(String tenant) {
        var out = new ByteArrayOutputStream();
        asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> {
            try {
                return archive.export(out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return out.toByteArray();
    }
}
