package org.researchportal.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.SignInWay;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The participant answering her own questionnaire: each answer kept as she gives it and checked at its item, resumed
 * when she comes back, sent once as hers and final; another's, a closed one or one not hers to answer is "not found"
 * and writes nothing.
 */
class QuestionnaireAnswersTests extends PortalTest {

    @Autowired
    QuestionnaireAnswers answers;
    @Autowired
    AssessmentService assessments;
    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    AccountService accounts;
    @Autowired
    ParticipantService participants;
    @Autowired
    InstrumentDesigner designer;

    private QuestionnaireFixture fixture;
    private String her;

    @BeforeEach
    void aParticipantWhoseBaselineIsOpen() {
        fixture = QuestionnaireFixture.create(tenants, studies, randomisation);
        her = fixture.participant(accounts, participants, "Open Baseline", "en", 0);
    }

    @Test
    void eachAnswerIsKeptAsGivenAndTheFormResumesWithIt() {
        signIn(her);
        OpenQuestionnaire fresh = answers.open("baseline", "stiffness");
        assertThat(fresh.due().state()).isEqualTo(DueQuestionnaire.State.OPEN);
        assertThat(fresh.answers()).isEmpty();
        assertThat(fresh.started()).isFalse();
        assertThat(fresh.instrument().item("stiffness")).isPresent();

        answers.keep("baseline", "stiffness", "stiffness", "6");
        answers.keep("baseline", "stiffness", "morning_minutes", " 30 ");

        OpenQuestionnaire resumed = answers.open("baseline", "stiffness");
        assertThat(resumed.answers()).containsExactlyInAnyOrderEntriesOf(Map.of("stiffness", "6",
                "morning_minutes", "30"));
        assertThat(resumed.started()).isTrue();
        assertThat(resumed.version()).isEqualTo(fresh.version());
        assertThat(answers.mine()).filteredOn(q -> q.due().timepoint().equals("baseline") && q.due().instrument()
                .equals("stiffness")).singleElement()
                .satisfies(q -> {
                    assertThat(q.started()).isTrue();
                    assertThat(q.name().en()).isEqualTo("Joint stiffness");
                });

        answers.keep("baseline", "stiffness", "morning_minutes", "");
        assertThat(answers.open("baseline", "stiffness").answers()).containsExactly(Map.entry("stiffness", "6"));
    }

    @Test
    void answersBegunBeforeANewerVersionWasPublishedAreSentWithTheVersionSheWasShown() {
        signIn(her);
        int shown = answers.open("baseline", "stiffness").version();
        answers.keep("baseline", "stiffness", "stiffness", "5");
        answers.keep("baseline", "stiffness", "morning_minutes", "15");

        Instrument v1 = StandardInstruments.stiffness();
        java.util.List<Item> items = new java.util.ArrayList<>(v1.items());
        items.add(new Item("night_stiffness", ItemType.YES_NO, new Wording("Woken by stiffness at night",
                "夜间因僵硬醒来"), null, null, null, null, java.util.List.of(), false, null, null, null, false, null));
        int newer = asSystem(fixture.trial().tenantId(), java.util.EnumSet.of(
                org.researchportal.base.security.PortalRole.TENANT_ADMIN), () -> {
                    Instrument withNightStiffness = new Instrument(v1.code(), v1.name(), items, v1.note());
                    designer.saveDraft(withNightStiffness, shown);
                    return designer.publish("stiffness", withNightStiffness);
                });
        assertThat(newer).isGreaterThan(shown);

        signIn(her);
        assertThat(answers.open("baseline", "stiffness").version()).as("her form stays the one she began")
                .isEqualTo(shown);
        answers.submit("baseline", "stiffness");
        OpenQuestionnaire sent = answers.open("baseline", "stiffness");
        assertThat(sent.due().state()).isEqualTo(DueQuestionnaire.State.COMPLETED);
        assertThat(sent.version()).as("recorded with the version whose questions she answered").isEqualTo(shown);
    }

    @Test
    void anAnswerOutsideItsItemIsRefusedAtTheItemAndNothingIsKept() {
        signIn(her);
        answers.keep("baseline", "stiffness", "stiffness", "3");
        assertThatThrownBy(() -> answers.keep("baseline", "stiffness", "stiffness", "11"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("item.stiffness", "assessment.item.out-of-range"));
        assertThatThrownBy(() -> answers.keep("baseline", "ai_adherence", "still_taking", "maybe"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("item.still_taking", "assessment.item.invalid"));
        assertThatThrownBy(() -> answers.keep("baseline", "stiffness", "pain_severity", "3"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsKey("item.pain_severity"));
        assertThat(answers.open("baseline", "stiffness").answers()).containsExactly(Map.entry("stiffness", "3"));
        assertThat(answers.open("baseline", "ai_adherence").answers()).isEmpty();
    }

    @Test
    void sendingRecordsHerAnswersAsHersFinalAndTheDraftGoes() {
        signIn(her);
        answers.keep("baseline", "stiffness", "stiffness", "4");
        assertThatThrownBy(() -> answers.submit("baseline", "stiffness"))
                .as("a required item unanswered is named, and her draft stays")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("item.morning_minutes", "assessment.item.required"));
        assertThat(answers.open("baseline", "stiffness").answers()).containsEntry("stiffness", "4");

        answers.keep("baseline", "stiffness", "morning_minutes", "15");
        AssessmentRecord sent = answers.submit("baseline", "stiffness");
        assertThat(sent.respondent()).isEqualTo(Respondent.PARTICIPANT);
        assertThat(sent.identifiedBy()).isEqualTo(SignInWay.PASSWORD);
        assertThat(sent.answers()).isEqualTo(Map.of("stiffness", "4", "morning_minutes", "15"));

        OpenQuestionnaire read = answers.open("baseline", "stiffness");
        assertThat(read.completed()).isTrue();
        assertThat(read.answers()).isEqualTo(sent.answers());
        assertThat(answers.mine()).filteredOn(q -> q.due().timepoint().equals("baseline") && q.due().instrument()
                .equals("stiffness")).singleElement()
                .satisfies(q -> assertThat(q.started()).as("no draft is left").isFalse());
        assertThatThrownBy(() -> answers.keep("baseline", "stiffness", "stiffness", "9"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("instrument", "questionnaire.answered"));
        assertThatThrownBy(() -> answers.submit("baseline", "stiffness"))
                .isInstanceOf(ValidationException.class);
        assertThat(answers.open("baseline", "stiffness").answers()).isEqualTo(sent.answers());
    }

    @Test
    void branchingDropsWhatSheCanNoLongerSeeWhenSent() {
        signIn(her);
        answers.keep("baseline", "ai_adherence", "still_taking", "1");
        answers.keep("baseline", "ai_adherence", "missed_doses_30d", "2");
        answers.keep("baseline", "ai_adherence", "still_taking", "0");
        answers.keep("baseline", "ai_adherence", "stopped_on", java.time.LocalDate.now(QuestionnaireFixture.ZONE)
                .minusDays(3).toString());
        answers.keep("baseline", "ai_adherence", "stop_reason", "Joint pain");
        AssessmentRecord sent = answers.submit("baseline", "ai_adherence");
        assertThat(sent.answers()).containsOnlyKeys("still_taking", "stopped_on", "stop_reason");
    }

    @Test
    void aQuestionnaireNotHersOrNotOpenIsNotFoundAndNothingIsWritten() {
        String other = fixture.participant(accounts, participants, "Long Ago", "en", 60);
        signIn(her);
        answers.keep("baseline", "stiffness", "stiffness", "5");
        // Not answered by the participant (the assessor's grip), not in the schedule, not open yet.
        assertThatThrownBy(() -> answers.open("baseline", "grip")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> answers.keep("baseline", "grip", "grip_right", "20"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> answers.open("week_99", "stiffness")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> answers.keep("week_12", "stiffness", "stiffness", "5"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> answers.submit("week_12", "stiffness")).isInstanceOf(NotFoundException.class);

        // Enrolled 60 days ago: her baseline closed unanswered; she cannot answer it, and sees nothing of the first.
        signIn(other);
        assertThatThrownBy(() -> answers.open("baseline", "stiffness")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> answers.keep("baseline", "stiffness", "stiffness", "5"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> answers.submit("baseline", "stiffness")).isInstanceOf(NotFoundException.class);
        assertThat(answers.mine()).noneMatch(MyQuestionnaire::started);

        signIn(her);
        assertThat(answers.open("baseline", "stiffness").answers()).containsExactly(Map.entry("stiffness", "5"));
    }
}
