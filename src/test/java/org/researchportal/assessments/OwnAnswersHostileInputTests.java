package org.researchportal.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.OwnAnswersFixture.Her;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SignInWay;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A participant's own answers, as odd or oversize as a tampered phone may send them, to her open BPI: each is refused
 * at a field named by the instrument (never by the text she sent, which could be any size), with a message both
 * languages have, and nothing is written; the answers a form really sends are taken.
 */
class OwnAnswersHostileInputTests extends PortalTest {

    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;
    @Autowired
    AccountService accounts;
    @Autowired
    ParticipantService participants;
    @Autowired
    TenantService tenants;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    I18NProvider translations;

    private static Map<String, String> bpi(String worst) {
        Map<String, String> answers = new LinkedHashMap<>(Map.of("least", "2", "average", "4", "now", "3"));
        answers.put("worst", worst);
        return answers;
    }

    @Test
    void oddAndOversizeAnswersAreRefusedAtAnInstrumentsFieldAndNothingIsWritten() {
        OwnAnswersFixture trial = OwnAnswersFixture.create(tenants, studies, randomisation);
        Her her = trial.enrolledSixWeeksAgo(accounts, participants, "EXERCISE");
        int version = trial.version(assessments, her, "week_6", "bpi_sf");
        Instrument bpi = trial.as(PortalRole.CLINICIAN, () -> assessments.entry(her.participantId(), "week_6",
                "bpi_sf")).orElseThrow().instrument();

        List<Map<String, String>> hostile = new ArrayList<>();
        for (String worst : List.of("x".repeat(100_000), "NaN", "1e1", "١٠", "11", "-1", "5.5", "Infinity",
                "5\u0000", "<script>alert(1)</script>", "{\"$gt\": 0}")) {
            hostile.add(bpi(worst));
        }
        Map<String, String> unknownKey = bpi("5");
        unknownKey.put("k".repeat(50_000), "1");
        hostile.add(unknownKey);
        Map<String, String> operatorKeys = bpi("5");
        operatorKeys.put("$where", "1");
        operatorKeys.put("worst.$", "1");
        hostile.add(operatorKeys);
        Map<String, String> many = bpi("5");
        for (int i = 0; i < 20_000; i++) {
            many.put("item_" + i, "1");
        }
        hostile.add(many);
        Map<String, String> partial = new HashMap<>(Map.of("worst", "5"));
        hostile.add(partial);

        List<String> problems = new ArrayList<>();
        for (Map<String, String> answers : hostile) {
            try {
                trial.asHer(her, SignInWay.LINK_AND_BIRTH_YEAR, () -> assessments.answerOwn("week_6", "bpi_sf",
                        version, answers));
                problems.add("taken: " + abbreviated(answers));
            } catch (ValidationException refused) {
                if (refused.fieldMessageKeys().size() > bpi.items().size() + 1) {
                    problems.add(refused.fieldMessageKeys().size() + " fields for " + abbreviated(answers));
                }
                refused.fieldMessageKeys().forEach((field, key) -> {
                    if (field.length() > 80) {
                        problems.add("field of " + field.length() + " characters");
                    }
                    for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
                        if (translations.getTranslation(key, locale).equals(key) || translations.getTranslation(
                                key, locale).startsWith("!")) {
                            problems.add(key + " untranslated in " + locale);
                        }
                    }
                });
            }
            assertThat(trial.as(PortalRole.CLINICIAN, () -> assessments.find(her.participantId(), "week_6",
                    "bpi_sf"))).as(abbreviated(answers)).isEmpty();
        }
        assertThat(problems).isEmpty();

        // What her form really sends, with the blanks of the items she left: taken, identified as she was.
        Map<String, String> real = bpi(" 7 ");
        real.put("relief", "");
        AssessmentRecord saved = trial.asHer(her, SignInWay.LINK_AND_BIRTH_YEAR, () -> assessments.answerOwn(
                "week_6", "bpi_sf", version, real));
        assertThat(saved.answers()).containsEntry("worst", "7");
        assertThat(saved.identifiedBy()).isEqualTo(SignInWay.LINK_AND_BIRTH_YEAR);
    }

    private static String abbreviated(Map<String, String> answers) {
        String text = answers.toString();
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
