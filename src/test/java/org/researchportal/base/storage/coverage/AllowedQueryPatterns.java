package org.researchportal.base.storage.coverage;

import java.util.List;

/**
 * The query patterns that may stay without a covering index, each with the reason it is cheap all the same, written as
 * target/index-coverage.md writes a pattern. IndexCoverageTests fails on an entry that nothing matched in a whole-suite
 * run, or whose pattern has become covered, so the list stays true.
 */
final class AllowedQueryPatterns {

    record Allowance(String collection, String pattern, String reason) {}

    private static final String STUDIES = "a tenant runs a handful of studies";
    private static final String ARCHIVE = "a tenant's archive, made once when an institution leaves, asks every "
            + "collection for the tenant's documents";
    private static final String PARTICIPANT = "narrowed by the participant: one participant's";
    private static final String SAME_STUDY = "; the study filter only repeats the participant's own study";
    private static final String LIST_FILTER = "the participant list filtered by arm or status: narrowed to the "
            + "study's participants (tenant_study_status_number), sorted by screening number in memory, one page "
            + "returned; bounded by the size of one study";

    static final List<Allowance> ALL = List.of(
            // Small by nature
            allow("tenants", "sort(name:1)", "platform-wide: one record per institution, tens at most"),
            allow("studies", "eq(tenantId) sort(acronym:1)", STUDIES),
            allow("studies", "eq(acronym,tenantId)", STUDIES),
            allow("messaging_settings", "eq(twilioAccountSid)", "one document per tenant, as many as the "
                    + "installation has institutions; a Twilio webhook names only the account"),
            allow("fs.files", "(everything)", "GridFS's own check before a first upload whether the bucket is "
                    + "empty: a find with limit 1 reads one document"),
            allow("fs.files", "eq(metadata.tenantId)", ARCHIVE + "; one small record per file (the bytes are read "
                    + "through fs.chunks' files_id index)"),
            allow("sign_in_attempts", "eq(tenantId)", ARCHIVE + "; sign-in attempts carry no tenant and expire "
                    + "within a day, so the collection stays small"),
            allow("sweep_rounds", "eq(tenantId)", ARCHIVE + "; one lease per kind of scheduled work and tenant"),
            // Answers the whole set by design: an index would read as many documents
            allow("participants", "eq(status,tenantId) other(armCode,enrolledOn)", "every allocated participant "
                    + "of the tenant, by design (the follow-up worklist's participants)"),
            allow("followup_calls", "eq(studyId,tenantId) sort(participantId:1,number:1)", "a whole study's call "
                    + "log, every call, by design; sorted in memory"),
            // Narrowed by an index to a few documents, the rest filtered (or sorted) in memory
            allow("instrument_versions", "eq(code,status,tenantId)", "discarding an instrument's draft: narrowed "
                    + "to the instrument's versions (tenant_code_number), a handful"),
            allow("assessments", "eq(answers.still_taking,instrument,tenantId)", "once per yes/no item of an "
                    + "instrument stored before versions, at the start-up that gives it version 1"),
            allow("accounts", "eq(active,passwordHash,roles,tenantId)", "renewing the links of administrators "
                    + "who never set a password: narrowed to the tenant's active administrators, a handful"),
            allow("accounts", "eq(passwordLinkHash) range(passwordLinkExpiresAt)", "the hash of a random "
                    + "set-password token: at most one account holds it (the sparse passwordLinkHash index)"),
            allow("allocation_slots", "eq(batch,participantId,stratum,studyId,tenantId) sort(position:1)",
                    "claiming the next free slot walks one stratum's sequence in position order (the unique "
                            + "tenant_study_stratum_position index), hundreds of slots at most"),
            allow("assessments", "eq(participantId,studyId,tenantId) sort(timepoint:1,instrument:1)",
                    PARTICIPANT + " assessments (tens), in the unique index's order" + SAME_STUDY),
            allow("missed_visits", "eq(participantId,studyId,tenantId)", PARTICIPANT + " missed visits"
                    + SAME_STUDY),
            allow("followup_calls", "eq(participantId,status,tenantId)", PARTICIPANT + " calls, about one a "
                    + "month of the trial"),
            allow("followup_calls", "eq(participantId,studyId,tenantId) sort(number:1)", PARTICIPANT + " calls "
                    + "in number order (tenant_participant_number)" + SAME_STUDY),
            allow("programme_alerts", "eq(handledAt,participantId,tenantId)", PARTICIPANT + " alerts, a few"),
            allow("programme_alerts", "eq(kind,participantId,tenantId)", PARTICIPANT + " alerts, a few"),
            allow("programme_alerts", "eq(participantId,sessionId,tenantId)", PARTICIPANT + " alerts, a few"),
            allow("video_watches", "eq(participantId,tenantId) sort(lastWatchedAt:-1)", PARTICIPANT + " watches, "
                    + "one per video of the manual"),
            allow("exercise_pictures", "eq(exerciseCode,removedAt,studyId,tenantId)", "counting one exercise's "
                    + "pictures: narrowed to the study's current pictures, a few per exercise of the manual"),
            allow("outbox_messages", "eq(channel,participantId,status,tenantId)", PARTICIPANT + " pending "
                    + "messages, a handful (tenant_participant_status_purpose)"),
            allow("outbox_messages", "eq(participantId,purpose,tenantId) sort(createdAt:-1)", PARTICIPANT
                    + " messages (tenant_participant), the latest of one purpose picked in memory"),
            allow("outbox_messages", "eq(providerId,status,tenantId)", "a delivery report names one message by "
                    + "the provider's id (tenant_provider)"),
            allow("outbox_messages", "eq(status,tenantId) range(idempotencyKey)", "one call's pending reminders "
                    + "by their key's prefix: a range on the unique tenant_key index reads that call's few messages"),
            // The participant list's optional filters
            allow("participants", "eq(armCode,status,studyId,tenantId) sort(screeningNumber:1) other(screeningNumber)",
                    LIST_FILTER),
            allow("participants", "eq(armCode,status,studyId,tenantId) sort(screeningNumber:1) other(studyNumber)",
                    LIST_FILTER),
            allow("participants", "eq(armCode,studyId,tenantId) sort(screeningNumber:1)", LIST_FILTER),
            allow("participants", "eq(armCode,studyId,tenantId) sort(screeningNumber:1) other(screeningNumber)",
                    LIST_FILTER),
            allow("participants", "eq(armCode,studyId,tenantId) sort(screeningNumber:1) other(studyNumber)",
                    LIST_FILTER),
            allow("participants", "eq(status,studyId,tenantId) sort(screeningNumber:1)", LIST_FILTER),
            allow("participants", "eq(status,studyId,tenantId) sort(screeningNumber:1) other(screeningNumber)",
                    LIST_FILTER),
            allow("participants", "eq(status,studyId,tenantId) sort(screeningNumber:1) other(studyNumber)",
                    LIST_FILTER));

    private static Allowance allow(String collection, String pattern, String reason) {
        return new Allowance(collection, pattern, reason);
    }

    private AllowedQueryPatterns() {
    }
}
