package org.researchportal.participants.ui;

import com.vaadin.flow.component.Component;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditEvent;
import org.researchportal.base.security.SystemActor;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.PortalTranslations;
import org.researchportal.identity.PeopleNames;

/**
 * An audit entry in the reader's words: who (by name), what happened (a phrase per action), and each changed field by
 * its label with values as people read them: days as days, yes and no, codes by their names, nested records as
 * "label: value" lists. The record's bookkeeping (ids, tenant, version) says nothing to a person and is left out.
 */
final class AuditWording {

    private static final Set<String> BOOKKEEPING = Set.of("_id", "_class", "tenantId", "version", "id");
    /** Where a coded value (an enum's name) has its words already, tried in this order. */
    private static final List<String> CODE_KEYS = List.of("participant.status.", "ae.relatedness.", "ae.action.",
            "ae.outcome.", "call.status.", "consent.scope.", "audit.value.");

    /** A programme's weekdays, stored by their names, read in the reader's language. */
    private static final Set<String> DAYS = Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name)
            .collect(Collectors.toSet());

    private final Component owner;
    private final Locale locale;
    private final ZoneId zone;
    private final Map<String, String> studyTerms;
    private final PeopleNames people;
    /** Keys this wording had no text for (shown by their code instead): tests read it to keep the trail in words. */
    private final Set<String> untranslated = new LinkedHashSet<>();

    /**
     * @param studyTerms the study's own codes (arms, screening measures, criteria) with their names in the reader's
     *     language
     * @param people the names of the people the entries name by username (who screened, who consented)
     */
    AuditWording(Component owner, Locale locale, ZoneId zone, Map<String, String> studyTerms, PeopleNames people) {
        this.owner = owner;
        this.locale = locale;
        this.studyTerms = studyTerms;
        this.people = people;
        this.zone = zone;
    }

    String who(AuditEvent event) {
        return event.getActorName() != null && !event.getActor().startsWith(SystemActor.USERNAME_PREFIX)
                ? event.getActorName() : person(event.getActor());
    }

    private String person(String username) {
        return people.shown(username, locale);
    }

    /** What happened, as a sentence: "Clara Lin enrolled and randomised", "The portal planned the calls". */
    String what(AuditEvent event) {
        String who = who(event);
        if (event.getActor().startsWith(SystemActor.USERNAME_PREFIX)) {
            // "the portal" opens the sentence; a person's name is left as they write it.
            who = who.substring(0, 1).toUpperCase(locale) + who.substring(1);
        }
        return owner.getTranslation("audit.sentence", who,
                translatedOr("audit.action." + event.getAction(), event.getAction()));
    }

    Set<String> untranslated() {
        return untranslated;
    }

    /** One changed field, labelled, with its values before and after, in full. */
    record Change(String label, String before, String after) {}

    List<Change> changes(@Nullable Map<String, Object> before, @Nullable Map<String, Object> after) {
        List<Change> changes = new ArrayList<>();
        collectChanges("", before, after, changes);
        return changes;
    }

    /** A record inside a record that changed on both sides shows its own changed fields ("Report › Outcome"). */
    @SuppressWarnings("unchecked")
    private void collectChanges(String prefix, @Nullable Map<String, Object> before,
            @Nullable Map<String, Object> after, List<Change> changes) {
        Set<String> fields = new LinkedHashSet<>();
        if (before != null) {
            fields.addAll(before.keySet());
        }
        if (after != null) {
            fields.addAll(after.keySet());
        }
        for (String field : fields) {
            if (leftOut(field)) {
                continue;
            }
            Object was = before == null ? null : before.get(field);
            Object is = after == null ? null : after.get(field);
            if (Objects.equals(was, is)) {
                continue;
            }
            if (was instanceof Map<?, ?> wasRecord && is instanceof Map<?, ?> isRecord) {
                collectChanges(prefix + label(field) + " › ", (Map<String, Object>) wasRecord,
                        (Map<String, Object>) isRecord, changes);
            } else {
                changes.add(new Change(prefix + label(field), shown(field, was), shown(field, is)));
            }
        }
    }

    String label(String field) {
        String term = studyTerms.get(field);
        return term != null ? term : translatedOr("audit.field." + field, field);
    }

    private String shown(String field, @Nullable Object value) {
        if (value instanceof String text) {
            if (isPerson(field)) {
                return person(text);
            }
            if (field.equals("language")) {
                return translatedOr("language." + text, text);
            }
            String term = studyTerms.get(text);
            if (term != null) {
                return term;
            }
        }
        return shown(value);
    }

    String shown(@Nullable Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return "–";
        }
        if (value instanceof Boolean yes) {
            return owner.getTranslation(yes ? "audit.value.yes" : "audit.value.no");
        }
        if (value instanceof Date date) {
            return moment(date.toInstant());
        }
        if (value instanceof Instant instant) {
            return moment(instant);
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> {
                String field = String.valueOf(k);
                if (!leftOut(field) && v != null && !(v instanceof String text && text.isBlank())) {
                    parts.add(label(field) + ": " + shown(field, v));
                }
            });
            return parts.isEmpty() ? "–" : String.join("; ", parts);
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? "–" : String.join(", ", list.stream().map(this::shown).toList());
        }
        if (value instanceof String code && DAYS.contains(code)) {
            return DayOfWeek.valueOf(code).getDisplayName(TextStyle.FULL, locale);
        }
        if (value instanceof String code && code.matches("[A-Z][A-Z0-9_]+")) {
            for (String prefix : CODE_KEYS) {
                String key = prefix + (prefix.equals("audit.value.") ? code : code.toLowerCase(Locale.ROOT));
                var text = PortalTranslations.find(key, locale);
                if (text.isPresent()) {
                    return text.get();
                }
            }
            untranslated.add("audit.value." + code);
            return code;
        }
        return String.valueOf(value);
    }

    /** A stored day (midnight UTC) as the day; any other moment in the reader's zone. */
    private String moment(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)
                ? Formats.date(instant.atZone(ZoneOffset.UTC).toLocalDate(), locale)
                : Formats.dateTime(instant, zone, locale);
    }

    /** A field that names who did something, by username ("takenBy", a randomisation's "by"). */
    static boolean isPerson(String field) {
        return field.endsWith("By") || field.equals("by");
    }

    private static boolean leftOut(String field) {
        // References to other records by id say nothing to a person; the action names what happened to them.
        return BOOKKEEPING.contains(field) || field.endsWith("Id") || field.endsWith("Ids");
    }

    private String translatedOr(String key, String fallback) {
        var text = PortalTranslations.find(key, locale);
        if (text.isEmpty()) {
            untranslated.add(key);
        }
        return text.orElse(fallback);
    }
}
