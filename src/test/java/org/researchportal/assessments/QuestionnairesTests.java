package org.researchportal.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.DueQuestionnaire.State;
import org.researchportal.assessments.QuestionnaireTrial.Answerer;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalDataRules;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SignInWay;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ConsentWithdrawal;
import org.researchportal.quality.CheckDefinition;
import org.researchportal.quality.CheckSeverity;
import org.researchportal.quality.DataQueries;
import org.researchportal.quality.EditChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The questionnaires a participant answers herself: how each stands for her, and her own answers, which say they are
 * hers and how she was identified, are final, and are checked as the assessor's are.
 */
class QuestionnairesTests extends PortalTest {

    private static final Map<String, String> STIFFNESS = Map.of("stiffness", "4", "morning_minutes", "20");

    @Autowired
    ApplicationContext beans;
    @Autowired
    Questionnaires questionnaires;
    @Autowired
    AssessmentService assessments;
    @Autowired
    MissedVisits missedVisits;
    @Autowired
    ConsentService consent;
    @Autowired
    AuditTrail audit;
    @Autowired
    EditChecks checks;
    @Autowired
    I18NProvider translations;
    @Autowired
    DataQueries queries;

    private QuestionnaireTrial trial;

    @BeforeEach
    void aTrialWhoseParticipantsAnswerThemselves() {
        trial = new QuestionnaireTrial(beans);
    }

    private List<DueQuestionnaire> mine(Answerer who) {
        signIn(who.username());
        return questionnaires.mine();
    }

    private static DueQuestionnaire at(List<DueQuestionnaire> due, String timepoint, String instrument) {
        return due.stream().filter(q -> q.timepoint().equals(timepoint) && q.instrument().equals(instrument))
                .findFirst().orElseThrow();
    }

    private static List<State> states(List<DueQuestionnaire> due, String timepoint) {
        return due.stream().filter(q -> q.timepoint().equals(timepoint)).map(DueQuestionnaire::state).toList();
    }

    private @org.jspecify.annotations.Nullable AssessmentRecord recorded(Answerer who, String timepoint,
            String instrument) {
        return trial.as(PortalRole.ASSESSOR, () -> assessments.find(who.participantId(), timepoint, instrument))
                .orElse(null);
    }

    @Test
    void aFreshParticipantsBaselineIsOpenAndHerLaterTimepointsUpcomingWithoutTheAssessorsGrip() {
        Answerer fresh = trial.randomised("Fresh Answerer");
        List<DueQuestionnaire> due = mine(fresh);
        assertThat(due).hasSize(3 * 4).extracting(DueQuestionnaire::instrument).doesNotContain("grip")
                .contains("bpi_sf", "stiffness", "ai_adherence", "qol_demo");
        assertThat(states(due, "baseline")).containsOnly(State.OPEN).hasSize(4);
        assertThat(states(due, "week_6")).containsOnly(State.UPCOMING);
        assertThat(states(due, "week_12")).containsOnly(State.UPCOMING);
        DueQuestionnaire baseline = at(due, "baseline", "stiffness");
        assertThat(baseline.dueOn()).isEqualTo(QuestionnaireTrial.today());
        assertThat(baseline.answeredAt()).isNull();
        assertThat(baseline.respondent()).isNull();

        List<DueQuestionnaire> site = trial.as(PortalRole.COORDINATOR, () -> questionnaires.ofStudy(trial.studyId()));
        assertThat(site).filteredOn(q -> q.participantId().equals(fresh.participantId())).isEqualTo(due);
    }

    @Test
    void pastItsDueDayAQuestionnaireIsLateAndOnceItsWindowClosedMissedAndNoLongerAnswerable() {
        Answerer late = trial.imported("Late Answerer", 2);
        assertThat(states(mine(late), "baseline")).containsOnly(State.LATE);
        assertThat(assessments.answerOwn("baseline", "stiffness", 1, STIFFNESS).respondent())
                .isEqualTo(Respondent.PARTICIPANT);

        Answerer missed = trial.imported("Missed Answerer", 10);
        List<DueQuestionnaire> due = mine(missed);
        assertThat(states(due, "baseline")).containsOnly(State.MISSED);
        assertThat(states(due, "week_6")).containsOnly(State.UPCOMING);
        assertThatThrownBy(() -> assessments.answerOwn("baseline", "stiffness", 1, STIFFNESS))
                .isInstanceOf(NotFoundException.class);
        assertThat(recorded(missed, "baseline", "stiffness")).isNull();
    }

    @Test
    void aVisitTheAssessorRecordedMissedAndEverythingAfterSheWithdrewIsNotExpected() {
        Answerer excused = trial.randomised("Excused Answerer");
        trial.as(PortalRole.ASSESSOR, () -> missedVisits.recordMissed(excused.participantId(), "baseline",
                MissedVisitRecord.Kind.MISSED, "Admitted to hospital"));
        List<DueQuestionnaire> due = mine(excused);
        assertThat(states(due, "baseline")).containsOnly(State.NOT_EXPECTED);
        assertThat(states(due, "week_6")).containsOnly(State.UPCOMING);
        assertThatThrownBy(() -> assessments.answerOwn("baseline", "stiffness", 1, STIFFNESS))
                .isInstanceOf(NotFoundException.class);
        assertThat(recorded(excused, "baseline", "stiffness")).isNull();

        Answerer withdrawn = trial.randomised("Withdrawn Answerer");
        trial.as(PortalRole.CLINICIAN, () -> {
            consent.withdrawConsent(withdrawn.participantId(), ConsentWithdrawal.Scope.PARTICIPATION,
                    LocalDate.now(), "Moved away");
            return null;
        });
        assertThat(mine(withdrawn)).isNotEmpty().extracting(DueQuestionnaire::state)
                .containsOnly(State.NOT_EXPECTED);
        assertThatThrownBy(() -> assessments.answerOwn("baseline", "stiffness", 1, STIFFNESS))
                .isInstanceOf(NotFoundException.class);
        assertThat(recorded(withdrawn, "baseline", "stiffness")).isNull();
    }

    @Test
    void herAnswersSayTheyAreHersAndHowSheWasIdentifiedInTheRecordAndTheAuditTrailInBothLanguages() {
        Answerer byLink = trial.randomised("Link Answerer");
        trial.signInByLink(byLink, SignInWay.LINK_AND_SMS_CODE);
        AssessmentRecord answered = assessments.answerOwn("baseline", "stiffness", 1, STIFFNESS);
        assertThat(answered.respondent()).isEqualTo(Respondent.PARTICIPANT);
        assertThat(answered.identifiedBy()).isEqualTo(SignInWay.LINK_AND_SMS_CODE);
        assertThat(answered.assessedOn()).isEqualTo(QuestionnaireTrial.today());
        assertThat(answered.answers()).isEqualTo(STIFFNESS);
        assertThat(answered.scores()).isNotNull();
        DueQuestionnaire completed = at(questionnaires.mine(), "baseline", "stiffness");
        assertThat(completed.state()).isEqualTo(State.COMPLETED);
        assertThat(completed.respondent()).isEqualTo(Respondent.PARTICIPANT);
        assertThat(completed.answeredAt()).isEqualTo(answered.recordedAt());
        assertThat(at(questionnaires.mine(), "baseline", "bpi_sf").state()).isEqualTo(State.OPEN);

        AssessmentRecord kept = recorded(byLink, "baseline", "stiffness");
        assertThat(kept).isNotNull();
        assertThat(kept.respondent()).isEqualTo(Respondent.PARTICIPANT);
        assertThat(kept.identifiedBy()).isEqualTo(SignInWay.LINK_AND_SMS_CODE);
        String action = "assessment.answered-by-participant.link-and-sms-code";
        assertThat(trial.as(PortalRole.CLINICIAN, () -> audit.history(AssessmentService.ENTITY, answered.id())))
                .extracting(AuditEvent::getAction).containsExactly(action);
        String english = translations.getTranslation("audit.action." + action, Locale.ENGLISH);
        String chinese = translations.getTranslation("audit.action." + action, Locale.SIMPLIFIED_CHINESE);
        assertThat(english).contains("themselves", "code sent to their phone");
        assertThat(chinese).doesNotContain("audit.action").isNotEqualTo(english).containsPattern("\\p{IsHan}");

        Answerer byPassword = trial.randomised("Password Answerer");
        signIn(byPassword.username());
        assertThat(assessments.answerOwn("baseline", "stiffness", 1, STIFFNESS).identifiedBy())
                .isEqualTo(SignInWay.PASSWORD);
    }

    @Test
    void herAnswersAreFinalAndAPaperFormEnteredFirstCountsAsAnswered() {
        Answerer once = trial.randomised("Final Answerer");
        signIn(once.username());
        AssessmentRecord first = assessments.answerOwn("baseline", "stiffness", 1, STIFFNESS);
        assertThatThrownBy(() -> assessments.answerOwn("baseline", "stiffness", 1, Map.of("stiffness", "9",
                "morning_minutes", "60"))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e
                        .fieldMessageKeys()).containsExactly(Map.entry("instrument", "questionnaire.answered")));
        assertThat(recorded(once, "baseline", "stiffness")).isEqualTo(first);

        Answerer onPaper = trial.randomised("Paper Answerer");
        AssessmentRecord paper = trial.as(PortalRole.ASSESSOR, () -> assessments.record(onPaper.participantId(),
                "baseline", "stiffness", LocalDate.now(), STIFFNESS, null));
        assertThat(paper.respondent()).isEqualTo(Respondent.STAFF);
        assertThat(paper.identifiedBy()).isNull();
        DueQuestionnaire fromPaper = at(mine(onPaper), "baseline", "stiffness");
        assertThat(fromPaper.state()).isEqualTo(State.COMPLETED);
        assertThat(fromPaper.respondent()).isEqualTo(Respondent.STAFF);
        assertThatThrownBy(() -> assessments.answerOwn("baseline", "stiffness", 1, STIFFNESS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsExactly(Map.entry("instrument", "questionnaire.answered")));
        assertThat(recorded(onPaper, "baseline", "stiffness")).isEqualTo(paper);
    }

    @Test
    void whatIsNotHersToAnswerNowIsNotFoundAndNothingIsWritten() {
        Answerer her = trial.randomised("Own Answerer");
        Answerer other = trial.randomised("Other Answerer");
        signIn(her.username());
        for (String[] notNow : new String[][] {{"week_6", "stiffness"}, {"baseline", "grip"}, {"nowhere",
                "stiffness"}, {"baseline", "no_such_instrument"}}) {
            assertThatThrownBy(() -> assessments.answerOwn(notNow[0], notNow[1], 1, Map.of("right_1", "20",
                    "stiffness", "4"))).as(String.join("@", notNow)).isInstanceOf(NotFoundException.class);
        }
        assertThat(recorded(her, "week_6", "stiffness")).isNull();
        assertThat(recorded(her, "baseline", "grip")).isNull();

        signIn(her.username());
        assessments.answerOwn("baseline", "stiffness", 1, STIFFNESS);
        assertThat(recorded(other, "baseline", "stiffness")).as("only ever her own").isNull();
        assertThat(at(mine(other), "baseline", "stiffness").state()).isEqualTo(State.OPEN);

        // An account that is no randomised participant's answers nothing.
        String[] stranger = trial.account("Stranger");
        signIn(stranger[1]);
        assertThat(questionnaires.mine()).isEmpty();
        assertThatThrownBy(() -> assessments.answerOwn("baseline", "stiffness", 1, STIFFNESS))
                .isInstanceOf(NotFoundException.class);
    }

    /** A soft check on her answers opens its query for the site, after her answers are saved as she gave them. */
    @Test
    void aSoftEditCheckOnHerAnswersOpensAQueryForTheSite() {
        Answerer her = trial.randomised("Soft Checked Answerer");
        trial.as(PortalRole.TENANT_ADMIN, () -> checks.add(trial.studyId(), new CheckDefinition("stiff_long",
                FormKind.INSTRUMENT, "stiffness", "morning_minutes", "[baseline][morning_minutes] > 120",
                CheckSeverity.SOFT, "Over two hours: please confirm.", "超过两小时：请确认。", true)));
        signIn(her.username());
        assertThat(assessments.answerOwn("baseline", "stiffness", 1, Map.of("stiffness", "4", "morning_minutes",
                "180")).answers()).containsEntry("morning_minutes", "180");
        assertThat(trial.as(PortalRole.CLINICIAN, () -> queries.ofParticipant(her.participantId())))
                .singleElement().satisfies(q -> {
                    assertThat(q.checkCode()).isEqualTo("stiff_long");
                    assertThat(q.point().item()).isEqualTo("morning_minutes");
                    assertThat(q.assignee()).as("the site asks her, never the portal")
                            .isEqualTo(PortalRole.CLINICIAN);
                });
    }

    @Test
    void eachAnswerIsValidatedAtItsItemAndAHardEditCheckRefusesHerAsItRefusesTheAssessor() {
        Answerer her = trial.randomised("Checked Answerer");
        signIn(her.username());
        assertThatThrownBy(() -> assessments.answerOwn("baseline", "stiffness", 1, Map.of("stiffness", "12",
                "morning_minutes", "twenty"))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e
                        .fieldMessageKeys()).containsEntry("item.stiffness", "assessment.item.out-of-range")
                        .containsKey("item.morning_minutes"));
        assertThat(recorded(her, "baseline", "stiffness")).isNull();

        trial.as(PortalRole.TENANT_ADMIN, () -> checks.add(trial.studyId(), new CheckDefinition("long_stiffness",
                FormKind.INSTRUMENT, "stiffness", "morning_minutes", "[baseline][morning_minutes] > 600",
                CheckSeverity.HARD,
                "More than ten hours.", "超过十小时。", true)));
        signIn(her.username());
        assertThatThrownBy(() -> assessments.answerOwn("baseline", "stiffness", 1, Map.of("stiffness", "4",
                "morning_minutes", "700"))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e
                        .fieldMessageKeys()).containsEntry("item.morning_minutes", ClinicalDataRules.FAILED));
        assertThat(recorded(her, "baseline", "stiffness")).isNull();
        assertThat(assessments.answerOwn("baseline", "stiffness", 1, STIFFNESS).answers()).isEqualTo(STIFFNESS);
    }

    @Test
    void theAssessorCannotChangeHerAnswersButTheAnswerToADataQueryCorrectsThem() {
        Answerer her = trial.randomised("Corrected Answerer");
        trial.signInByLink(her, SignInWay.LINK_AND_BIRTH_YEAR);
        AssessmentRecord answered = assessments.answerOwn("baseline", "stiffness", 1, STIFFNESS);

        assertThatThrownBy(() -> trial.as(PortalRole.ASSESSOR, () -> assessments.record(her.participantId(),
                "baseline", "stiffness", answered.assessedOn(), Map.of("stiffness", "6", "morning_minutes", "20"),
                "Participant said 6 on the phone"))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsExactly(Map.entry("instrument",
                                "questionnaire.answered")));
        assertThat(recorded(her, "baseline", "stiffness")).isEqualTo(answered);

        // The clinician answers a data query with the correction (signed in where the trial is: her day is theirs).
        signIn(trial.person(PortalRole.CLINICIAN));
        AssessmentRecord corrected = assessments.correct(her.participantId(), "baseline", "stiffness", "stiffness",
                "6", "She confirmed 6 when the clinician asked");
        assertThat(corrected.answers()).containsEntry("stiffness", "6").containsEntry("morning_minutes", "20");
        assertThat(corrected.respondent()).as("still her answers, corrected").isEqualTo(Respondent.PARTICIPANT);
        assertThat(corrected.identifiedBy()).isEqualTo(SignInWay.LINK_AND_BIRTH_YEAR);
        assertThat(corrected.answeredAt()).as("when she answered, which the correction does not move")
                .isEqualTo(answered.answeredAt()).isEqualTo(answered.recordedAt());
        assertThat(corrected.recordedAt()).as("when the entry was last written").isAfter(answered.recordedAt());
        assertThat(trial.as(PortalRole.CLINICIAN, () -> audit.history(AssessmentService.ENTITY, answered.id())))
                .extracting(AuditEvent::getAction).containsExactly("assessment.changed",
                        "assessment.answered-by-participant.link-and-birth-year");

        // A staff entry of a participant-completed instrument (from a paper form) stays the assessor's to change.
        Answerer onPaper = trial.randomised("Paper Changed");
        trial.as(PortalRole.ASSESSOR, () -> assessments.record(onPaper.participantId(), "baseline", "stiffness",
                LocalDate.now(), STIFFNESS, null));
        AssessmentRecord changed = trial.as(PortalRole.ASSESSOR, () -> assessments.record(onPaper.participantId(),
                "baseline", "stiffness", LocalDate.now(), Map.of("stiffness", "5", "morning_minutes", "20"),
                "Misread the paper form"));
        assertThat(changed.answers()).containsEntry("stiffness", "5");
    }
}
