package org.researchportal.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A timepoint is named in the reader's language on the worklist, the record and the entry form. */
class DueAssessmentTests {

    private static DueAssessment week6(String labelZh) {
        LocalDate day = LocalDate.of(2026, 3, 1);
        return new DueAssessment("p", "s", "RE-MS-001", "Person", "week_6", "Week 6", labelZh, day, day, day,
                DueAssessment.State.DUE, 0, 5, null);
    }

    @Test
    void aChineseReaderReadsTheChineseLabelAndTheEnglishWhenThereIsNone() {
        assertThat(week6("第6周").timepointLabel(Locale.SIMPLIFIED_CHINESE)).isEqualTo("第6周");
        assertThat(week6("第6周").timepointLabel(Locale.ENGLISH)).isEqualTo("Week 6");
        assertThat(week6(" ").timepointLabel(Locale.SIMPLIFIED_CHINESE)).isEqualTo("Week 6");
    }
}
