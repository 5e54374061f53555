package org.researchportal.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/** A date picker writes a date the way the tables beside it do, in English and in Chinese. */
class DateFormatUiTests extends UiTest {

    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;

    @Test
    void tablesAndDatePickersWriteADateAlikeInEachLanguage() {
        LocalDate sixthOfDecember = LocalDate.of(2026, 12, 6);
        assertThat(Formats.date(sixthOfDecember, Locale.ENGLISH)).isEqualTo("Dec 6, 2026");
        assertThat(Formats.date(sixthOfDecember, PortalLocales.SIMPLIFIED_CHINESE)).isEqualTo("2026年12月6日");
        for (Locale locale : new Locale[] {Locale.ENGLISH, PortalLocales.SIMPLIFIED_CHINESE}) {
            signInToUi("lakeside.assessor");
            UI.getCurrent().setLocale(locale);
            DueAssessment due = assessments.worklist(studies.studies().getFirst().id()).getFirst();
            UI.getCurrent().navigate("assess/" + due.participantId() + "/" + due.timepoint());
            DatePicker assessedOn = _find(DatePicker.class, spec -> spec.withClasses("assessed-on")).getFirst();
            assertThat(assessedOn.getI18n()).as("the picker's own format, not the browser's 12/6/2026").isNotNull();
            String pattern = assessedOn.getI18n().getDateFormats().getFirst();
            assertThat(DateTimeFormatter.ofPattern(pattern, locale).format(sixthOfDecember)).as(locale.toString())
                    .isEqualTo(Formats.date(sixthOfDecember, locale));
        }
    }
}
