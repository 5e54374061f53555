package org.researchportal.quality;

import org.jspecify.annotations.Nullable;
import org.researchportal.base.clinical.FormKind;

/**
 * One failing check on one saved form, for the "run all checks" report.
 *
 * @param occasion the timepoint of an instrument, the record's id for an adverse event or a call, "" otherwise
 * @param item the field the check points at, as expressions name it
 * @param value that field's saved value ("" when blank)
 */
public record CheckFinding(String participantId, @Nullable String studyNumber, FormKind kind, String form,
        String occasion, String item, String value, String checkCode, CheckSeverity severity, String messageEn,
        String messageZh) {}
