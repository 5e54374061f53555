package org.researchportal.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.analysis.OutcomeFigure;
import org.researchportal.analysis.OutcomeTrial;
import org.researchportal.assessments.OutcomeScore;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The outcome section of the statistics page: pooled with the note on when the figures by arm will exist before the
 * lock, by arm after it; a blinded role cannot open the page.
 */
class OutcomesSectionUiTests extends UiTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AccountService accounts;

    @Test
    void theSectionShowsPooledFiguresBeforeTheLockAndFiguresByArmAfterIt() {
        var trial = OutcomeTrial.create(context);
        String statistician = trial.trial().account(accounts, "stat", "Sam Statistician", PortalRole.STATISTICIAN);
        signInToUi(statistician);
        UI.getCurrent().navigate("statistics");
        assertThat(viewText()).contains("Outcome summary", "Pooled over everyone randomised",
                "exist only once the study's database is locked");
        @SuppressWarnings("unchecked")
        Select<OutcomeScore> score = _get(Select.class, spec -> spec.withClasses("outcomes-score"));
        assertThat(score.getValue().key()).isEqualTo("bpi_sf.pain_severity");
        @SuppressWarnings("unchecked")
        Grid<OutcomeFigure> table = _get(Grid.class, spec -> spec.withClasses("outcomes-table"));
        assertThat(allCells(table)).containsSequence("Baseline", "All randomised", "3", "6.33", "1.53", "0", "", "")
                .containsSequence("Week 6", "All randomised", "3", "5.33", "1.53", "2", "-1.00", "1.41")
                .doesNotContain("Exercise", "Control");
        assertThat(_find(Anchor.class)).extracting(Anchor::getText).contains(
                "Figures (CSV, every score and timepoint)", "Chart of the mean (SVG)", "Chart of the change (SVG)",
                "Entries behind these figures (CSV)");

        trial.lock(this::signIn);
        signInToUi(statistician);
        // The page read again, as a reload in the browser does.
        UI.getCurrent().refreshCurrentRoute(true);
        assertThat(viewText()).contains("The study's database is locked: the figures are by arm");
        @SuppressWarnings("unchecked")
        Grid<OutcomeFigure> byArm = _get(Grid.class, spec -> spec.withClasses("outcomes-table"));
        assertThat(allCells(byArm)).containsSequence("Baseline", "Exercise", "2", "7.00", "1.41")
                .containsSequence("Week 6", "Control", "2", "6.00", "1.41", "1", "0.00", "")
                .doesNotContain("All randomised");
    }

    @Test
    void aChineseReaderReadsTheSectionInChinese() {
        var trial = OutcomeTrial.create(context);
        String statistician = trial.trial().account(accounts, "stat", "Sam Statistician", PortalRole.STATISTICIAN);
        signInToUi(statistician);
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("statistics");
        assertThat(viewText()).contains("结局指标汇总", "按组别的数字只有在研究数据库锁定后才会存在", "简明疼痛量表（简表）")
                .doesNotContain("Outcome summary", "Pooled");
        @SuppressWarnings("unchecked")
        Grid<OutcomeFigure> table = _get(Grid.class, spec -> spec.withClasses("outcomes-table"));
        assertThat(allCells(table)).containsSequence("基线", "全部已随机化受试者", "3", "6.33")
                .containsSequence("第6周", "全部已随机化受试者", "3", "5.33");
    }

    @Test
    void aBlindedRoleCannotOpenThePage() {
        for (String blinded : List.of("fudan.assessor", "fudan.monitor")) {
            signInToUi(blinded);
            assertThatThrownBy(() -> UI.getCurrent().navigate("statistics")).as(blinded)
                    .hasMessageContaining("Access is denied");
        }
        assertThat(_find(StatisticsView.class)).isEmpty();
    }
}
