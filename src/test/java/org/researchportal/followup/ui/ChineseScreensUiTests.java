package org.researchportal.followup.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.participants.ParticipantService;
import org.springframework.beans.factory.annotation.Autowired;

/** Chinese screens say an arm and a preferred call time in Chinese, not in the words the study was set up in. */
class ChineseScreensUiTests extends UiTest {

    @Autowired
    ParticipantService participants;

    @Test
    void theCoordinatorsWorklistNamesArmsAndCallTimesInChinese() {
        signInToUi("fudan.coordinator");
        UI.getCurrent().setLocale(PortalLocales.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("calls");
        List<String> cells = allCells(_get(Grid.class, spec -> spec.withClasses("call-grid")));
        assertThat(cells).anyMatch(c -> c.contains("对照组"));
        assertThat(cells).anyMatch(c -> c.contains("下午（14:00-17:00）") || c.contains("上午（09:00-12:00）"));
        assertThat(cells).noneMatch(c -> c.equals("Control") || c.equals("Exercise"));
        assertThat(cells).noneMatch(c -> c.contains("Weekdays") || c.contains("Mornings") || c.contains("afternoon"));
    }

    @Test
    void aParticipantReadsTheirArmInTheirLanguage() {
        signIn("fudan.participant2");
        assertThat(participants.myParticipation()).hasValueSatisfying(me -> assertThat(me.armName())
                .isEqualTo("对照组"));
        signIn("fudan.participant");
        assertThat(participants.myParticipation()).hasValueSatisfying(me -> assertThat(me.armName())
                .isEqualTo("Exercise"));
    }

    @Test
    void theInstitutionIsNamedInTheReadersLanguage() {
        signIn("fudan.coordinator");
        assertThat(CurrentUser.require().tenantName()).isEqualTo("复旦大学");
        signIn("fudan.clinician");
        assertThat(CurrentUser.require().tenantName()).isEqualTo("Fudan University");
    }
}
