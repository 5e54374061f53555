package org.researchportal.quality.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.quality.LockBlocker;
import org.researchportal.quality.MonitorFigures;
import org.researchportal.quality.StudyStage;

/**
 * The monitor's dashboard: each figure from the feature that keeps it, an honest sentence where there is nothing to
 * count or the feature cannot say, and each participant's data one link away.
 */
class MonitorDashboardUiTests extends UiTest {

    @Test
    void theMonitorLandsOnTheDashboardAndOpensAParticipantsData() {
        signInToUi("lakeside.monitor");
        UI.getCurrent().navigate("");
        assertThat(currentPath()).isEqualTo("monitor");
        assertThat(viewText()).contains("Open queries", "Source-data verification", "Investigator's signatures",
                "Database lock", "Study stage", "Recruiting").doesNotContain("Supervised walking", "Usual care");
        Grid<?> participants = _find(Grid.class).getFirst();
        assertThat(allCells(participants)).doesNotContain("Supervised walking", "Usual care");
        RouterLink open = (RouterLink) GridKt._getCellComponent(participants, 0, "open-data");
        assertThat(open.getText()).isEqualTo("Open data");
        UI.getCurrent().navigate(open.getHref());
        assertThat(currentPath()).startsWith("monitor/participant/");
        assertThat(viewText()).contains("Consent").doesNotContain("Supervised walking", "Usual care");
    }

    @Test
    void eachFigureSaysWhatIsTrue() {
        signInToUi("lakeside.monitor");
        MonitorFigures figures = mock(MonitorFigures.class);
        when(figures.stage("s")).thenReturn(StudyStage.FOLLOW_UP);
        when(figures.openQueryAges("s")).thenReturn(Optional.of(new MonitorFigures.QueryAges(5, 2, 1)));
        when(figures.sdvProgress("s")).thenReturn(Optional.of(new MonitorFigures.VerificationProgress(3, 4)));
        when(figures.awaitingSignature("s")).thenReturn(Optional.empty());
        when(figures.lockBlockers("s")).thenReturn(List.of(new LockBlocker("monitor.open-data-of", List.of("L02"),
                "p-1")));
        var panel = new StudyFiguresPanel("s", figures);
        UI.getCurrent().add(panel);
        String text = panel.getElement().getTextRecursively();
        assertThat(text).contains("Open for more than 7 days", "Open for more than 30 days", "3 of 4 (75%)",
                "Not available: this portal does not keep this figure yet.", "Follow-up",
                "Open data of participant L02");
        assertThat(_find(panel, RouterLink.class).getFirst().getHref()).isEqualTo("monitor/participant/p-1");

        when(figures.openQueryAges("s")).thenReturn(Optional.of(new MonitorFigures.QueryAges(0, 0, 0)));
        when(figures.sdvProgress("s")).thenReturn(Optional.of(new MonitorFigures.VerificationProgress(0, 0)));
        when(figures.awaitingSignature("s")).thenReturn(Optional.of(0L));
        when(figures.lockBlockers("s")).thenReturn(List.of());
        String empty = new StudyFiguresPanel("s", figures).getElement().getTextRecursively();
        assertThat(empty).contains("No open queries.", "No forms need verification yet.",
                "No forms are waiting for a signature.", "Nothing blocks the database lock.")
                .doesNotContain("Not available");
    }
}
