package org.researchportal.quality.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.quality.StudyStages;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The tenant administrator moves the study on its page and unlocks its database with a reason; the monitor sees what
 * blocks the lock, in words, with the lock button held back while anything does.
 */
class DatabaseLockViewUiTests extends UiTest {

    @Autowired
    StudyService studies;
    @Autowired
    ApplicationContext context;

    @Test
    void theAdministratorMovesTheStudyOnItsPageAndUnlocksItsDatabaseWithAReason() {
        signInToUi("lakeside.admin");
        String study = studies.studies().getFirst().id();
        UI.getCurrent().navigate("admin/study");
        assertThat(viewText()).contains("Stage: Recruiting", "Recruiting since the study was created.");
        try {
            _click(_get(Button.class, spec -> spec.withText("Move to Follow-up")));
            assertThat(viewText()).as("a move needs its reason").contains("Stage: Recruiting");
            _setValue(_get(TextField.class, spec -> spec.withLabel("Reason")), "Target reached");
            _click(_get(Button.class, spec -> spec.withText("Move to Follow-up")));
            assertThat(viewText()).contains("Stage: Follow-up", "Reason: Target reached");
            assertThat(_find(Button.class, spec -> spec.withText("Move to Recruiting"))).hasSize(1);
        } finally {
            StudyStages.reset(context, study);
        }
    }

    @Test
    void theMonitorSeesWhatBlocksTheLockAndCannotLockUntilNothingDoes() {
        signInToUi("lakeside.monitor");
        UI.getCurrent().navigate("database-lock");
        assertThat(viewText()).contains("Stage: Recruiting", "What blocks the lock");
        // Every blocker names its participant: an open timepoint, forms to verify, data to sign.
        assertThat(_find(ListItem.class)).isNotEmpty().allSatisfy(item -> assertThat(item.getElement()
                .getTextRecursively()).startsWith("Participant "));
        assertThat(_find(ListItem.class)).anySatisfy(item -> assertThat(item.getElement().getTextRecursively())
                .contains("neither entered nor recorded"));
        Button lock = _get(Button.class, spec -> spec.withText("Lock the database"));
        assertThat(lock.isEnabled()).isFalse();
        assertThat(_find(Button.class, spec -> spec.withText("Unlock the database"))).isEmpty();
    }

    @Test
    void aLockedDatabaseIsUnlockedByTheAdministratorWithAReason() {
        signInToUi("lakeside.admin");
        String study = studies.studies().getFirst().id();
        StudyStages.lock(context, study);
        try {
            UI.getCurrent().navigate("database-lock");
            assertThat(viewText()).contains("Stage: Locked");
            assertThat(_find(Button.class, spec -> spec.withText("Lock the database"))).isEmpty();
            _click(_get(Button.class, spec -> spec.withText("Unlock the database")));
            assertThat(viewText()).as("an unlock needs its reason").contains("Stage: Locked");
            _setValue(_get(TextField.class, spec -> spec.withLabel("Reason")), "A late lab value");
            _click(_get(Button.class, spec -> spec.withText("Unlock the database")));
            assertThat(viewText()).contains("Stage: Recruiting");
        } finally {
            StudyStages.reset(context, study);
        }
    }
}
