package org.researchportal.quality;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Csv;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.clinical.FormValues;
import org.researchportal.base.expression.Expression;
import org.researchportal.base.expression.ExpressionError;
import org.researchportal.base.security.Authorities;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.study.StudyService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * A study's edit checks, written by its tenant administrator or its data manager (the monitor), and the "run all
 * checks" report over the data already saved. Each check is validated here (every refusal at its field, an
 * expression's error with where it is) and audited; {@link EditCheckRules} runs them at save.
 */
@Service
public class EditChecks {

    static final String ENTITY = "EditCheck";
    static final String UNKNOWN_FIELD = "edit-check.expression.unknown-field";
    private static final String CODE = "[a-z][a-z0-9_]{0," + (CheckDefinition.CODE_MAX - 1) + "}";

    private final EditCheckRecords records;
    private final FormFields fields;
    private final EditCheckRules rules;
    private final StudyService studies;
    private final BlindedParticipants participants;
    private final AuditTrail audit;

    EditChecks(EditCheckRecords records, FormFields fields, EditCheckRules rules, StudyService studies,
            BlindedParticipants participants, AuditTrail audit) {
        this.records = records;
        this.fields = fields;
        this.rules = rules;
        this.studies = studies;
        this.participants = participants;
        this.audit = audit;
    }

    @Secured({Authorities.TENANT_ADMIN, Authorities.MONITOR})
    public List<EditCheckRow> checks(String studyId) {
        requireStudy(studyId);
        return records.ofStudy(studyId).stream().map(EditCheck::toRow).toList();
    }

    /** Adds a check to a study; answers its id. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.MONITOR})
    public String add(String studyId, CheckDefinition definition) {
        requireStudy(studyId);
        validate(studyId, definition, null);
        try {
            EditCheck check = records.add(EditCheck.of(studyId, definition));
            audit.record("edit-check.added", ENTITY, check.requireId(), null, check.definition(), null);
            return check.requireId();
        } catch (DuplicateKeyException addedMeanwhile) {
            throw ValidationException.of("code", "edit-check.code.taken");
        }
    }

    @Secured({Authorities.TENANT_ADMIN, Authorities.MONITOR})
    public void change(String checkId, CheckDefinition definition) {
        EditCheck check = requireCheck(checkId);
        validate(check.getStudyId(), definition, check.getCode());
        CheckDefinition before = check.definition();
        check.change(definition);
        save(check);
        audit.record("edit-check.changed", ENTITY, checkId, before, check.definition(), null);
    }

    @Secured({Authorities.TENANT_ADMIN, Authorities.MONITOR})
    public void enable(String checkId, boolean enabled) {
        EditCheck check = requireCheck(checkId);
        CheckDefinition before = check.definition();
        check.enable(enabled);
        save(check);
        audit.record(enabled ? "edit-check.enabled" : "edit-check.disabled", ENTITY, checkId, before,
                check.definition(), null);
    }

    /** The names an expression on this form may use, in the form's order. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.MONITOR})
    public List<String> fieldNames(String studyId, FormKind kind, String form) {
        requireStudy(studyId);
        return fields.of(studyId, kind, form).map(c -> c.fields().stream().map(FormFields.Field::name).toList())
                .orElse(List.of());
    }

    /** The instruments the study's schedule names, in order: the instrument forms a check may be written for. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.MONITOR})
    public List<String> scheduledInstruments(String studyId) {
        requireStudy(studyId);
        Set<String> codes = new LinkedHashSet<>();
        studies.schedule(studyId).forEach(t -> codes.addAll(t.instruments()));
        return List.copyOf(codes);
    }

    /**
     * Adds the standard checks that fit the study (their instrument published, their code not yet used), through the
     * same check and audit as one written by hand; answers how many were added.
     */
    @Secured({Authorities.TENANT_ADMIN, Authorities.MONITOR})
    public int addStandard(String studyId) {
        List<String> scheduled = scheduledInstruments(studyId);
        int added = 0;
        for (CheckDefinition standard : StandardEditChecks.forSchedule(scheduled)) {
            if (records.codeTaken(studyId, Objects.requireNonNull(standard.code()))
                    || fields.of(studyId, Objects.requireNonNull(standard.kind()), Objects.requireNonNull(standard
                            .form())).isEmpty()) {
                continue;
            }
            add(studyId, standard);
            added++;
        }
        return added;
    }

    /**
     * Every enabled check over every saved form of the study: which participant, form, occasion and field, its
     * value, and the check's message. Read blinded (study numbers, no arm).
     */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public List<CheckFinding> runAll(String studyId) {
        requireStudy(studyId);
        Map<String, BlindedParticipantRow> numbered = new HashMap<>();
        participants.blindedParticipants(studyId, Pageable.unpaged()).forEach(p -> numbered.put(p.id(), p));
        Map<String, List<EditCheck>> byForm = records.ofStudy(studyId).stream().filter(EditCheck::isEnabled)
                .collect(Collectors.groupingBy(c -> c.getKind() + "/" + c.getForm(), LinkedHashMap::new,
                        Collectors.toList()));
        List<CheckFinding> findings = new ArrayList<>();
        for (List<EditCheck> checks : byForm.values()) {
            FormKind kind = checks.getFirst().getKind();
            String form = checks.getFirst().getForm();
            Map<String, List<FormValues>> byParticipant = rules.savedIn(studyId, kind, form).stream()
                    .collect(Collectors.groupingBy(f -> f.form().participantId()));
            for (List<FormValues> saved : byParticipant.values()) {
                for (FormValues own : saved) {
                    BlindedParticipantRow p = numbered.get(own.form().participantId());
                    for (EditCheckRules.Failure f : rules.failures(own.form(), own.values(), EditCheckRules
                            .otherOccasions(own, saved), checks)) {
                        EditCheck check = f.check();
                        findings.add(new CheckFinding(own.form().participantId(), p == null ? null : p.studyNumber(),
                                kind, form, own.form().occasion(), check.getItem(), f.value(), check.getCode(),
                                check.getSeverity(), check.getMessageEn(), check.getMessageZh()));
                    }
                }
            }
        }
        findings.sort(Comparator.comparing((CheckFinding f) -> Objects.requireNonNullElse(f.studyNumber(), ""))
                .thenComparing(CheckFinding::participantId).thenComparing(CheckFinding::form)
                .thenComparing(CheckFinding::occasion).thenComparing(CheckFinding::checkCode));
        return findings;
    }

    /** The report as CSV, one finding a line, both messages. */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public String runAllCsv(String studyId) {
        StringWriter out = new StringWriter();
        try {
            Csv.line(out, List.of("study_number", "participant_id", "form_kind", "form", "occasion", "item", "value",
                    "check", "severity", "message_en", "message_zh"));
            for (CheckFinding f : runAll(studyId)) {
                Csv.line(out, List.of(Objects.requireNonNullElse(f.studyNumber(), ""), f.participantId(), f.kind()
                        .code(), f.form(), f.occasion(), f.item(), f.value(), f.checkCode(), f.severity().name(),
                        f.messageEn(), f.messageZh()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void validate(String studyId, CheckDefinition d, @Nullable String ownCode) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, List<Object>> arguments = new HashMap<>();
        if (d.code() == null || !d.code().matches(CODE)) {
            errors.put("code", "edit-check.code.invalid");
        } else if (!d.code().equals(ownCode) && records.codeTaken(studyId, d.code())) {
            errors.put("code", "edit-check.code.taken");
        }
        FormFields.Catalogue catalogue = null;
        if (d.kind() == null || d.form() == null || (d.kind() != FormKind.INSTRUMENT && !d.form().equals(d.kind()
                .code()))) {
            errors.put("form", "edit-check.form.invalid");
        } else {
            catalogue = fields.of(studyId, d.kind(), d.form()).orElse(null);
            if (catalogue == null) {
                errors.put("form", "edit-check.form.invalid");
            }
        }
        if (catalogue != null && (d.item() == null || !catalogue.hasItem(d.item()))) {
            errors.put("item", "edit-check.item.invalid");
        }
        if (d.expression() == null || d.expression().isBlank()) {
            errors.put("expression", "edit-check.expression.required");
        } else {
            try {
                Expression expression = Expression.parse(d.expression());
                if (catalogue != null) {
                    expression.check(catalogue).stream().findFirst().ifPresent(e -> {
                        // The designer's wording speaks of earlier items; a check names its form's fields.
                        errors.put("expression", e.key().equals(ExpressionError.UNKNOWN_ITEM) ? UNKNOWN_FIELD
                                : e.key());
                        arguments.put("expression", e.arguments());
                    });
                }
            } catch (ExpressionError e) {
                errors.put("expression", e.key());
                arguments.put("expression", e.arguments());
            }
        }
        if (d.severity() == null) {
            errors.put("severity", "edit-check.severity.required");
        }
        if (!message(d.messageEn())) {
            errors.put("messageEn", "edit-check.message.invalid");
        }
        if (!message(d.messageZh())) {
            errors.put("messageZh", "edit-check.message.invalid");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors, arguments);
        }
    }

    /** A message a person wrote: within its length, no control characters. */
    private static boolean message(@Nullable String text) {
        return text != null && !text.isBlank() && text.length() <= CheckDefinition.MESSAGE_MAX
                && text.chars().noneMatch(Character::isISOControl);
    }

    private void requireStudy(String studyId) {
        studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
    }

    private EditCheck requireCheck(String checkId) {
        return records.find(checkId).orElseThrow(() -> new NotFoundException(ENTITY, checkId));
    }

    private void save(EditCheck check) {
        try {
            records.save(check);
        } catch (org.springframework.dao.OptimisticLockingFailureException | DuplicateKeyException e) {
            throw ValidationException.of("code", "edit-check.changed-meanwhile");
        }
    }
}
