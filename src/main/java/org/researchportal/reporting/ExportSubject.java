package org.researchportal.reporting;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A randomised participant as exports carry them: pseudonymous (study number, no name or contact details), with the
 * arm only in an unblinded export.
 */
record ExportSubject(String id, String studyNumber, String status, @Nullable LocalDate enrolledOn,
        @Nullable String arm) {}
