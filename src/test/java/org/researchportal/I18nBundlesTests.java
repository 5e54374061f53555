package org.researchportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.exercise.ManualExercise;
import org.researchportal.exercise.ProgrammeAlert;
import org.researchportal.exercise.ProgrammeChange;
import org.researchportal.participants.ConsentWithdrawal;
import org.researchportal.participants.EligibilityOutcome;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.ArmKind;
import org.researchportal.study.EligibilityCriterion;
import org.researchportal.study.TrialDocument;

/** Every UI text goes through a key, and English and Simplified Chinese know the same keys. */
class I18nBundlesTests {

    private static final Pattern USED_KEY = Pattern.compile(
            "(?:getTranslation|ValidationException\\.of|errors\\.put)\\((?:\"[a-zA-Z]+\",\\s*)?\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nBundlesTests.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        assertThat(bundle("translations_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("translations.properties").stringPropertyNames());
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        // A second definition silently replaces the first: two features appending the same key break one of them.
        for (String name : new String[] {"translations.properties", "translations_zh_CN.properties"}) {
            try (InputStream in = I18nBundlesTests.class.getResourceAsStream("/vaadin-i18n/" + name)) {
                assertThat(in).as(name).isNotNull();
                Set<String> seen = new HashSet<>();
                Set<String> twice = new HashSet<>();
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#") && line.contains("="))
                        .map(line -> line.substring(0, line.indexOf('=')).strip())
                        .forEach(key -> {
                            if (!seen.add(key)) {
                                twice.add(key);
                            }
                        });
                assertThat(twice).as(name + ": keys defined twice").isEmpty();
            }
        }
    }

    @Test
    void textsWithPlaceholdersHaveNoBareApostrophes() throws IOException {
        // MessageFormat reads a single quote as an escape and would drop it (and what follows) from the text.
        for (String name : new String[] {"translations.properties", "translations_zh_CN.properties"}) {
            Properties texts = bundle(name);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.contains("{0}")) {
                    assertThat(text.replace("''", "")).as(name + " " + key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void everyKeyTheCodeUsesIsTranslated() throws IOException {
        Set<String> used = new HashSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USED_KEY.matcher(Files.readString(source));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        Arrays.stream(PortalRole.values()).forEach(r -> used.add(r.messageKey()));
        Arrays.stream(ParticipantStatus.values()).forEach(s -> used.add(s.messageKey()));
        Arrays.stream(ArmKind.values()).forEach(k -> used.add("arm-kind." + k.name().toLowerCase()));
        Arrays.stream(EligibilityCriterion.Kind.values())
                .forEach(k -> used.add("eligibility.kind." + k.name().toLowerCase()));
        Arrays.stream(EligibilityOutcome.Outcome.values())
                .forEach(o -> used.add("eligibility.outcome." + o.name().toLowerCase()));
        Arrays.stream(DueAssessment.State.values()).forEach(s -> used.add(s.messageKey()));
        Arrays.stream(TrialDocument.Kind.values()).forEach(k -> used.add(k.messageKey()));
        Arrays.stream(AdverseEventReport.Relatedness.values()).forEach(r -> used.add(r.messageKey()));
        Arrays.stream(AdverseEventReport.Action.values()).forEach(a -> used.add(a.messageKey()));
        Arrays.stream(AdverseEventReport.Outcome.values()).forEach(o -> used.add(o.messageKey()));
        Arrays.stream(ManualExercise.Phase.values()).forEach(p -> used.add(p.messageKey()));
        Arrays.stream(ManualExercise.Region.values()).forEach(r -> used.add(r.messageKey()));
        Arrays.stream(ProgrammeAlert.Kind.values()).forEach(k -> used.add(k.messageKey()));
        Arrays.stream(ProgrammeChange.Action.values()).forEach(a -> used.add(a.messageKey()));
        for (int grade = 1; grade <= 5; grade++) {
            used.add("ae.grade." + grade);
        }
        Arrays.stream(ConsentWithdrawal.Scope.values())
                .forEach(s -> used.add("consent.scope." + s.name().toLowerCase()));
        PortalLocales.SUPPORTED.forEach(l -> used.add("language." + l.toLanguageTag()));
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(bundle("translations.properties").stringPropertyNames()).containsAll(used);
    }

    @Test
    void browsersGetChineseOnlyWhenTheyAskForChineseAndEnglishOtherwise() {
        assertThat(PortalLocales.fromTag("zh-CN")).isEqualTo(PortalLocales.SIMPLIFIED_CHINESE);
        assertThat(PortalLocales.fromTag("zh-Hans-SG")).isEqualTo(PortalLocales.SIMPLIFIED_CHINESE);
        assertThat(PortalLocales.fromTag("zh_CN")).isEqualTo(PortalLocales.SIMPLIFIED_CHINESE);
        assertThat(PortalLocales.fromTag("en-US")).isEqualTo(PortalLocales.ENGLISH);
        assertThat(PortalLocales.fromTag("de-DE")).isEqualTo(PortalLocales.ENGLISH);
        assertThat(PortalLocales.fromTag("")).isEqualTo(PortalLocales.ENGLISH);
    }
}
