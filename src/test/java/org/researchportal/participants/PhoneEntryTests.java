package org.researchportal.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.researchportal.base.ValidationException;
import org.researchportal.demo.DemoStudyDesigns;

/** Phone numbers are checked with libphonenumber at entry and kept in E.164, the form the SMS provider needs. */
class PhoneEntryTests extends TrialTest {

    @Test
    void aNumberWithoutCountryCodeIsReadInTheRegionAndKeptInE164() {
        var trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        String local = trial.asClinician(() -> screening.screen(trial.studyId(), new NewCandidate("Local Number",
                LocalDate.now(), "138 0013 8000", null, "zh-CN", "Asia/Shanghai", null)));
        String abroad = trial.asClinician(() -> screening.screen(trial.studyId(), new NewCandidate("Abroad",
                LocalDate.now(), "+44 (0)7911 123456", null, "en", "Europe/London", null)));
        assertThat(trial.asClinician(() -> participants.participantRecord(local).phone())).isEqualTo("+8613800138000");
        assertThat(trial.asClinician(() -> participants.participantRecord(abroad).phone())).isEqualTo("+447911123456");
    }

    @Test
    void aNumberThatCannotBeDialledIsRefusedAtItsField() {
        var trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        for (String bad : new String[] {"12345", "+86 138", "call me"}) {
            assertThatThrownBy(() -> trial.asClinician(() -> screening.screen(trial.studyId(), new NewCandidate(
                    "Bad Number", LocalDate.now(), bad, null, "en", "Asia/Shanghai", null))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                            .containsEntry("phone", "participant.phone.invalid"));
        }
    }
}
