package org.researchportal.study.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.study.StudyService;
import org.researchportal.study.TrialDocument;
import org.researchportal.study.TrialDocumentService;
import org.springframework.beans.factory.annotation.Autowired;

/** Clinicians upload and everyone allowed downloads; an assessor has no upload form and sees only what is theirs. */
class DocumentsViewUiTests extends UiTest {

    @Autowired
    TrialDocumentService documents;
    @Autowired
    StudyService studies;

    @Test
    void theListFollowsTheRolesAndOnlyUploadersGetTheForm() {
        signInToUi("lakeside.clinician");
        String study = studies.studies().getFirst().id();
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        documents.upload(study, "Walking manual", TrialDocument.Kind.MANUAL, null,
                Set.of(PortalRole.CLINICIAN, PortalRole.ASSESSOR), "manual.pdf", pdf);
        documents.upload(study, "Randomisation list audit", TrialDocument.Kind.OTHER, null,
                Set.of(PortalRole.CLINICIAN), "audit.pdf", pdf);
        UI.getCurrent().navigate("documents");
        assertThat(allCells(_get(Grid.class))).contains("Walking manual", "Randomisation list audit");
        assertThat(_find(Upload.class)).hasSize(1);

        signInToUi("lakeside.assessor");
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("documents");
        @SuppressWarnings("unchecked")
        List<String> cells = allCells((Grid<Object>) _get(Grid.class));
        assertThat(cells).contains("Walking manual").doesNotContain("Randomisation list audit")
                // Who uploaded it reads by name, not username; the demo's own uploads as the portal.
                .anyMatch(cell -> cell.startsWith("Dr Lakeside Demo · "))
                .noneMatch(cell -> cell.contains("lakeside.clinician") || cell.contains("system:"));
        assertThat(_find(Upload.class)).isEmpty();
    }
}
