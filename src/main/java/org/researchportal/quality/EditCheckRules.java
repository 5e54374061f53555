package org.researchportal.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalDataRules;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.ClinicalValues;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.clinical.FormValues;
import org.researchportal.base.expression.Expression;
import org.researchportal.base.expression.ExpressionError;
import org.researchportal.base.expression.Reference;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.stereotype.Component;

/**
 * Runs a study's edit checks on a form's values: the hard ones before a save (refusing at the field the failing check
 * points at), and, for {@link SoftEditChecks} and the "run all checks" report, every one over saved forms. A check
 * fails when its expression is true.
 */
@Component
class EditCheckRules implements ClinicalDataRules {

    /** A check that failed on a form, with the field it points at. */
    record Failure(EditCheck check, FormFields.Field field, String value) {}

    private final EditCheckRecords records;
    private final FormFields fields;
    private final List<ClinicalValues> saved;
    private final BlindedParticipants participants;
    private final TenantSweeps tenants;
    private final Clock clock;

    EditCheckRules(EditCheckRecords records, FormFields fields, List<ClinicalValues> saved,
            BlindedParticipants participants, TenantSweeps tenants, Clock clock) {
        this.participants = participants;
        this.tenants = tenants;
        this.records = records;
        this.fields = fields;
        this.saved = saved;
        this.clock = clock;
    }

    /**
     * The other timepoints an instrument's hard checks read are the same participant's same instrument, read as the
     * soft checks read them, with the authority {@link #readFor} says.
     */
    @Override
    public void check(ClinicalForm form, Map<String, String> values) {
        List<EditCheck> hard = records.enabledFor(form.studyId(), form.kind(), form.form()).stream()
                .filter(c -> c.getSeverity() == CheckSeverity.HARD).toList();
        if (hard.isEmpty()) {
            return;
        }
        LocalDate today = today();
        boolean readsOthers = form.kind() == FormKind.INSTRUMENT && hard.stream()
                .anyMatch(EditCheckRules::readsOtherTimepoints);
        Reads reads = readFor(form, () -> new Reads(fields.of(form.studyId(), form.kind(), form.form())
                .orElse(null), readsOthers ? otherTimepoints(form) : Map.of()));
        failures(form, values, reads.others(), hard, reads.catalogue(), today).stream().findFirst().ifPresent(f -> {
            throw ValidationException.of(f.field().formField(), FAILED, f.check().getMessageEn(), f.check()
                    .getMessageZh());
        });
    }

    /**
     * The soft checks among these that fail on a saved form, read as {@link #readFor} says: none when the form is no
     * longer saved.
     */
    List<Failure> savedFailures(ClinicalForm form, List<EditCheck> checks) {
        LocalDate today = today();
        return readFor(form, () -> {
            List<FormValues> all = savedOf(form.studyId(), form.participantId(), form.kind(), form.form());
            return all.stream().filter(f -> f.form().equals(form)).findFirst().map(own -> failures(form, own
                    .values(), otherOccasions(own, all), checks, fields.of(form.studyId(), form.kind(), form.form())
                            .orElse(null), today)).orElse(List.of());
        });
    }

    /** The checks among these that fail on the form, in order. */
    List<Failure> failures(ClinicalForm form, Map<String, String> values,
            Map<String, Map<String, String>> otherOccasions, List<EditCheck> checks) {
        if (checks.isEmpty()) {
            return List.of();
        }
        return failures(form, values, otherOccasions, checks, fields.of(form.studyId(), form.kind(), form.form())
                .orElse(null), today());
    }

    private static List<Failure> failures(ClinicalForm form, Map<String, String> values,
            Map<String, Map<String, String>> otherOccasions, List<EditCheck> checks,
            FormFields.@Nullable Catalogue catalogue, LocalDate today) {
        Map<String, Map<String, String>> occasions = new HashMap<>(otherOccasions);
        if (form.kind() == FormKind.INSTRUMENT) {
            occasions.put(form.occasion(), values);
        }
        CheckAnswers answers = CheckAnswers.of(values, occasions, today);
        return checks.stream().filter(c -> fails(c, answers)).map(c -> {
            FormFields.Field field = catalogue == null ? null : catalogue.field(c.getItem()).orElse(null);
            return new Failure(c, field != null ? field : new FormFields.Field(c.getItem(), c.getItem(),
                    c.getItem()), answers.value(c.getItem()));
        }).toList();
    }

    /** What a form's checks read besides its own values: its fields, and its instrument at other timepoints. */
    private record Reads(FormFields.@Nullable Catalogue catalogue, Map<String, Map<String, String>> others) {}

    /**
     * Runs the reads a form's checks need. Staff read with their own authority. A participant answering her own
     * questionnaire may read none of the services these reads go through (the instrument library, the assessor's
     * entries, the blinded register), so, once the form is known to be her own, they run as the system with the
     * monitor's read-only, blinded authority alone, as a soft check's query is opened ({@link CheckQueries}): for
     * her form and nothing else, and nothing is written under it.
     */
    private <T> T readFor(ClinicalForm form, Supplier<T> reads) {
        PortalUser writer = CurrentUser.require();
        if (!writer.hasRole(PortalRole.PARTICIPANT)) {
            return reads.get();
        }
        boolean hers = participants.mine().filter(p -> p.id().equals(form.participantId()) && p.studyId().equals(
                form.studyId())).isPresent();
        if (!hers || form.kind() != FormKind.INSTRUMENT) {
            throw new NotFoundException("Form", form.key());
        }
        return tenants.inTenant(Objects.requireNonNull(writer.tenantId()), "edit-check", Set.of(PortalRole.MONITOR),
                reads).orElseThrow(() -> new NotFoundException("Form", form.key()));
    }

    /** The saved forms of one kind and code of a participant, from the module that keeps them. */
    List<FormValues> savedOf(String studyId, String participantId, FormKind kind, String form) {
        return reader(kind).ofParticipant(studyId, participantId, kind, form);
    }

    List<FormValues> savedIn(String studyId, FormKind kind, String form) {
        return reader(kind).ofStudy(studyId, kind, form);
    }

    /** The instrument's values at the participant's other timepoints, by timepoint. */
    static Map<String, Map<String, String>> otherOccasions(FormValues own, List<FormValues> all) {
        if (own.form().kind() != FormKind.INSTRUMENT) {
            return Map.of();
        }
        return all.stream().filter(f -> !f.form().equals(own.form()))
                .collect(Collectors.toMap(f -> f.form().occasion(), FormValues::values, (a, b) -> a));
    }

    static Set<String> namesRead(EditCheck check) {
        try {
            return Expression.parse(check.getExpression()).references().stream().map(Reference::item)
                    .collect(Collectors.toSet());
        } catch (ExpressionError e) {
            return Set.of();
        }
    }

    private ClinicalValues reader(FormKind kind) {
        return saved.stream().filter(s -> s.keeps(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No module keeps " + kind));
    }

    private Map<String, Map<String, String>> otherTimepoints(ClinicalForm form) {
        List<FormValues> saved = savedOf(form.studyId(), form.participantId(), form.kind(), form.form());
        return otherOccasions(new FormValues(form, Map.of()), saved);
    }

    private static boolean readsOtherTimepoints(EditCheck check) {
        try {
            return Expression.parse(check.getExpression()).references().stream().anyMatch(r -> r.event() != null);
        } catch (ExpressionError e) {
            return false;
        }
    }

    private static boolean fails(EditCheck check, CheckAnswers answers) {
        try {
            return Expression.parse(check.getExpression()).evaluate(answers).isTrue();
        } catch (ExpressionError e) {
            // Stored checks were parsed when written; one that no longer parses is not the data's fault.
            return false;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CurrentUser.require().zone()));
    }
}
