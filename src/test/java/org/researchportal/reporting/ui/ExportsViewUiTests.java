package org.researchportal.reporting.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;

/** The exports page offers the three downloads; an assessor is told their exports carry no arm. */
class ExportsViewUiTests extends UiTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.researchportal.study.StudyService studies;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void cliniciansAndAssessorsGetTheDownloads() {
        signInToUi("fudan.clinician");
        UI.getCurrent().navigate("exports");
        assertThat(_find(Anchor.class)).extracting(Anchor::getText).contains(
                "Data (CSV, one row per participant and timepoint)", "Data dictionary (CSV)", "CDISC ODM 1.3.2 (XML)",
                "All tables (ZIP of CSV files with their dictionaries)");
        assertThat(viewText()).doesNotContain("You are blinded").contains("adverse events (one row per event)");
    }

    @Test
    void anAssessorIsToldTheirExportsAreBlinded() {
        signInToUi("fudan.assessor");
        UI.getCurrent().navigate("exports");
        assertThat(viewText()).contains("You are blinded: your exports carry no arm.",
                "Adverse events, programme adherence and follow-up calls are left out of your exports");
        assertThat(_find(Anchor.class)).hasSize(4);
    }

    @Test
    void aBlindedReaderIsToldWhenALockedStudysExportsNameTheArm() {
        signInToUi("fudan.monitor");
        String study = studies.studies().getFirst().id();
        UI.getCurrent().navigate("exports");
        assertThat(viewText()).doesNotContain("the allocation is released");
        org.researchportal.quality.StudyStages.lock(context, study);
        try {
            UI.getCurrent().navigate("");
            UI.getCurrent().navigate("exports");
            assertThat(viewText()).contains("This study's database is locked: the allocation is released for "
                    + "analysis");
        } finally {
            org.researchportal.quality.StudyStages.reset(context, study);
        }
    }
}
