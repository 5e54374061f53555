package org.researchportal.participants;

import org.jspecify.annotations.Nullable;

/** How to reach a participant and on which channels they agreed to be contacted. */
public record ParticipantContact(String id, String studyId, String displayName, ParticipantStatus status,
        @Nullable String phone, @Nullable String email, String language, String timeZone, boolean smsConsent,
        boolean emailConsent, @Nullable String accountId, ContactPreferences preferences,
        @Nullable String therapistId) {}
