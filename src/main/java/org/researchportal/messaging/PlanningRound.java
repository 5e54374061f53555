package org.researchportal.messaging;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What one reminder planning round has read, so that it reads each thing once instead of once per reminder: what the
 * outbox holds under the round's keys on either channel (with what the round puts in it added), and the wordings by
 * kind, channel and language.
 */
final class PlanningRound {

    private final Map<String, OutboxMessage> inOutbox;
    private final MessageTemplates templates;
    private final Map<String, TemplateText> wordings = new HashMap<>();
    private final Map<String, Boolean> lockedStudies = new HashMap<>();

    private PlanningRound(Map<String, OutboxMessage> inOutbox, MessageTemplates templates) {
        this.inOutbox = inOutbox;
        this.templates = templates;
    }

    /** A round over these reminders due, each planned under its key and a channel: one read of the outbox. */
    static <T> PlanningRound over(List<T> due, Function<T, String> key, Outbox outbox, MessageTemplates templates) {
        List<String> keys = due.stream().flatMap(each -> Arrays.stream(Channel.values()).map(channel -> key.apply(
                each) + ":" + channel)).toList();
        return new PlanningRound(keys.isEmpty() ? new HashMap<>() : new HashMap<>(outbox.planned(keys)), templates);
    }

    /** What the outbox holds under this key (with its channel), if anything. */
    Optional<OutboxMessage> planned(String key) {
        return Optional.ofNullable(inOutbox.get(key));
    }

    /** The round put this message in the outbox: planning the same key again in the round finds it. */
    void enqueued(String key, OutboxMessage message) {
        inOutbox.put(key, message);
    }

    /** Whether a study's database is locked, asked once a round. */
    boolean studyLocked(String studyId, Predicate<String> ask) {
        return lockedStudies.computeIfAbsent(studyId, ask::test);
    }

    /** The tenant's wording (or the portal's default), read once a round. */
    TemplateText wording(MessagePurpose purpose, Channel channel, String language) {
        return wordings.computeIfAbsent(purpose + "/" + channel + "/" + language,
                unread -> templates.template(purpose, channel, language));
    }
}
