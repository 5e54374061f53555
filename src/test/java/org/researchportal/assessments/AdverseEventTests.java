package org.researchportal.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AdverseEventReport.Action;
import org.researchportal.assessments.AdverseEventReport.Outcome;
import org.researchportal.assessments.AdverseEventReport.Relatedness;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Adverse events: checked, serious ones announced and listed until resolved, follow-ups need a reason. */
@RecordApplicationEvents
class AdverseEventTests extends PortalTest {

    @Autowired
    AdverseEventService adverseEvents;
    @Autowired
    ParticipantService participants;
    @Autowired
    StudyService studies;
    @Autowired
    ApplicationEvents events;

    private String study() {
        return studies.studies().getFirst().id();
    }

    private String lakesideParticipant() {
        signIn("lakeside.clinician");
        return participants.participants(study(), Pageable.unpaged()).stream()
                .filter(p -> p.displayName().equals("Casey Demo")).findFirst().orElseThrow().id();
    }

    private static AdverseEventReport report(int grade, boolean serious, Outcome outcome, LocalDate resolvedOn) {
        return new AdverseEventReport(LocalDate.now().minusDays(2), "Knee swelling after walking session", "Left knee",
                grade, serious, Relatedness.PROBABLE, Action.PROGRAMME_PAUSED, outcome, resolvedOn);
    }

    @Test
    void aSeriousEventIsAnnouncedAndListedUntilResolved() {
        String participant = lakesideParticipant();
        String id = adverseEvents.report(participant, report(3, true, Outcome.ONGOING, null));
        assertThat(events.stream(SeriousAdverseEventReported.class))
                .anySatisfy(e -> {
                    assertThat(e.adverseEventId()).isEqualTo(id);
                    assertThat(e.tenantId()).isEqualTo("lakeside");
                });
        assertThat(adverseEvents.openSerious(study())).extracting(AdverseEventRow::id).contains(id);

        assertThatThrownBy(() -> adverseEvents.update(id, report(3, true, Outcome.RECOVERED, LocalDate.now()), " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsKey("reason"));
        adverseEvents.update(id, report(3, true, Outcome.RECOVERED, LocalDate.now()), "Swelling settled with rest");
        assertThat(adverseEvents.openSerious(study())).extracting(AdverseEventRow::id).doesNotContain(id);
    }

    @Test
    void gradeFourIsSeriousWhateverWasTicked() {
        String participant = lakesideParticipant();
        String id = adverseEvents.report(participant, report(4, false, Outcome.ONGOING, null));
        assertThat(adverseEvents.openSerious(study())).extracting(AdverseEventRow::id).contains(id);
        assertThat(events.stream(SeriousAdverseEventReported.class)).anyMatch(e -> e.adverseEventId().equals(id));
    }

    @Test
    void aMildEventIsNotAnnounced() {
        String participant = lakesideParticipant();
        String id = adverseEvents.report(participant, report(1, false, Outcome.ONGOING, null));
        assertThat(events.stream(SeriousAdverseEventReported.class)).noneMatch(e -> e.adverseEventId().equals(id));
        assertThat(adverseEvents.ofParticipant(participant)).extracting(AdverseEventRow::id).contains(id);
    }

    @Test
    void impossibleReportsAreRefusedAtTheirFields() {
        String participant = lakesideParticipant();
        assertThatThrownBy(() -> adverseEvents.report(participant, new AdverseEventReport(
                LocalDate.now().plusDays(1), "", null, 5, true, Relatedness.UNLIKELY, Action.NONE, Outcome.ONGOING,
                null))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsKeys("onset", "description", "grade"));
        assertThatThrownBy(() -> adverseEvents.report(participant, report(2, false, Outcome.RECOVERED, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsKey("resolvedOn"));
    }

    /** Onset, grade and relatedness are judged, never assumed; the dates hold together. */
    @Test
    void aReportWithoutOnsetGradeOrRelatednessIsRefusedAtEachField() {
        String participant = lakesideParticipant();
        int before = adverseEvents.ofParticipant(participant).size();
        assertThatThrownBy(() -> adverseEvents.report(participant, new AdverseEventReport(null,
                "Fell at home last week", null, null, false, null, Action.NONE, Outcome.ONGOING, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("onset", "ae.onset.required").containsEntry("grade", "ae.grade.required")
                        .containsEntry("relatedness", "ae.relatedness.required").hasSize(3));
        LocalDate lastWeek = LocalDate.now().minusDays(7);
        assertThatThrownBy(() -> adverseEvents.report(participant, new AdverseEventReport(lastWeek,
                "Fell at home last week", "Right hip", 2, false, Relatedness.UNLIKELY, Action.NONE,
                Outcome.RECOVERED, lastWeek.minusDays(1)))).as("resolved before it began")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsOnlyKeys("resolvedOn"));
        assertThat(adverseEvents.ofParticipant(participant)).hasSize(before);
        String id = adverseEvents.report(participant, new AdverseEventReport(lastWeek, "Fell at home last week",
                "Right hip", 2, false, Relatedness.UNLIKELY, Action.NONE, Outcome.ONGOING, null));
        assertThat(adverseEvents.ofParticipant(participant)).filteredOn(r -> r.id().equals(id)).singleElement()
                .satisfies(r -> assertThat(r.report().onset()).isEqualTo(lastWeek));
        assertThatThrownBy(() -> adverseEvents.update(id, new AdverseEventReport(lastWeek, "Fell at home last week",
                "Right hip", null, false, Relatedness.UNLIKELY, Action.NONE, Outcome.ONGOING, null), "Regraded"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsOnlyKeys("grade"));
    }

    @Test
    void onlyTheTenantsCliniciansReport() {
        String participant = lakesideParticipant();
        signIn("lakeside.assessor");
        assertThatThrownBy(() -> adverseEvents.report(participant, report(1, false, Outcome.ONGOING, null)))
                .isInstanceOf(AccessDeniedException.class);
        signIn("fudan.clinician");
        assertThatThrownBy(() -> adverseEvents.report(participant, report(1, false, Outcome.ONGOING, null)))
                .isInstanceOf(NotFoundException.class);
    }
}
