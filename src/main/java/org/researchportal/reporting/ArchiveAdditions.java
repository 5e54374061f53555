package org.researchportal.reporting;

import java.time.Instant;
import java.util.List;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.DataPoint;

/**
 * What the archive at database lock carries beside the data and its audit trail: the investigator's signatures and
 * the data queries with their threads. Declared here and implemented by the module that keeps them (quality), so the
 * reporting module never depends on it. Read with the archive writer's authority, in the tenant in scope.
 */
public interface ArchiveAdditions {

    /** The valid signatures on one participant's forms, oldest first (a voided one vouches for nothing). */
    List<Signed> signatures(String studyId, String participantId);

    /** The queries on one participant's data points, each with every step of its thread, oldest first. */
    List<QueryThread> queries(String studyId, String participantId);

    /**
     * One electronic signature: who signed (account id and printed name), when, what it means ("reviewed and
     * approved") and the responsibility the signer accepted. An instrument form with {@code "*"} as its form is the
     * whole timepoint.
     */
    record Signed(ClinicalForm form, String signerId, String signerName, Instant at, String meaningCode,
            String meaning, String legalReason) {}

    /** One query on one data point, with its steps (opened, answered, closed, re-opened) in order. */
    record QueryThread(String queryId, DataPoint point, List<Step> steps) {

        public QueryThread {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One step of a query's thread: what was done ({@code OPENED}, {@code ANSWERED}, {@code CLOSED}, {@code REOPENED}),
     * by whom (account id and name), when, with which words; {@code fromSite} for the site's answers.
     */
    record Step(String action, String by, String byName, Instant at, String text, boolean fromSite) {}
}
