package org.researchportal.messaging;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.SealedValues;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * What a person's SMS reply means: STOP and its common variants (in English and Chinese) end SMS to that number and
 * cancel what is pending; START sends them again; HELP answers with who is writing and how to stop. Anything else
 * gets no automatic answer. Every answer is short, bilingual and says nothing about health or the study arm.
 */
@Service
public class SmsReplies {

    public enum Keyword {
        STOP, START, HELP, OTHER
    }

    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "OPTOUT", "TD", "退订", "取消");
    private static final Set<String> START = Set.of("START", "YES", "UNSTOP", "SUBSCRIBE", "订阅");
    private static final Set<String> HELP = Set.of("HELP", "INFO", "帮助");

    private final SmsOptOutRecords records;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final SealedValues sealed;

    SmsReplies(SmsOptOutRecords records, Outbox outbox, AuditTrail audit, Clock clock, SealedValues sealed) {
        this.records = records;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.sealed = sealed;
    }

    static Keyword keyword(String body) {
        String word = Normalizer.normalize(body, Normalizer.Form.NFKC).strip().replaceAll("[\\p{Punct}\\s。！]+$", "")
                .toUpperCase(Locale.ROOT);
        return STOP.contains(word) ? Keyword.STOP : START.contains(word) ? Keyword.START
                : HELP.contains(word) ? Keyword.HELP : Keyword.OTHER;
    }

    /** Acts on a reply from a phone number and answers the text to send back, if any. */
    @Secured(Authorities.COORDINATOR)
    public Optional<String> handle(String from, String body) {
        Keyword keyword = keyword(body);
        switch (keyword) {
            case STOP -> {
                setOptOut(from, true, body);
                int cancelled = outbox.cancelPendingSms(from, "STOP by SMS");
                audit.record("sms.opted-out", "PhoneNumber", masked(from), null, Map.of("cancelled", cancelled),
                        "Reply " + keyword);
                return Optional.of("You will get no more SMS from the study team. Reply START to get them again. "
                        + "您将不再收到研究团队的短信。回复 START 可重新接收。");
            }
            case START -> {
                setOptOut(from, false, body);
                audit.record("sms.opted-in", "PhoneNumber", masked(from), null, null, "Reply " + keyword);
                return Optional.of("You will get SMS from the study team again. Reply STOP to stop. "
                        + "您将重新收到研究团队的短信。回复 STOP 可退订。");
            }
            case HELP -> {
                return Optional.of("Research Portal study messages. Reply STOP to stop, START to restart. "
                        + "研究门户的研究短信。回复 STOP 退订，回复 START 重新接收。");
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** Which of these numbers said STOP (and not START since): one read for a page of messages. */
    Set<String> optedOutAmong(Collection<String> phones) {
        Map<String, String> lookups = new HashMap<>();
        for (String phone : phones) {
            lookups.put(phone, sealed.lookup(phone));
        }
        Set<String> optedOutLookups = records.optedOutAmong(new HashSet<>(lookups.values()));
        Set<String> optedOut = new HashSet<>();
        lookups.forEach((phone, lookup) -> {
            if (optedOutLookups.contains(lookup)) {
                optedOut.add(phone);
            }
        });
        return optedOut;
    }

    private void setOptOut(String phone, boolean optedOut, String keyword) {
        records.answer(sealed.lookup(phone), optedOut, keyword.strip(), clock.instant());
    }

    /** The trail names a number by its last digits only. */
    private static String masked(String phone) {
        return phone.length() <= 4 ? "****" : "****" + phone.substring(phone.length() - 4);
    }
}
