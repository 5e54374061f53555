package org.researchportal.messaging;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Twilio's calls to the portal: delivery reports for sent SMS, and SMS replies (STOP, START, HELP). The account named
 * in the request finds the tenant; the request is then checked against that tenant's auth token with the SDK's
 * validator ({@code X-Twilio-Signature}: the public URL and the sorted form fields, HMAC-SHA1). Anything that does
 * not verify is refused (403) and changes nothing.
 */
@RestController
class TwilioWebhooks {

    static final String STATUS_PATH = "/webhooks/twilio/status";
    static final String INBOUND_PATH = "/webhooks/twilio/inbound";
    private static final String PURPOSE = "twilio-webhook";

    private final WebhookReceiptRecords receipts;
    private final MessagingSettingsRecords accounts;
    private final TenantSweeps tenants;
    private final MessagingSettingsService settings;
    private final Outbox outbox;
    private final SmsReplies replies;
    private final PortalAddress portal;
    private final Clock clock;

    TwilioWebhooks(WebhookReceiptRecords receipts, MessagingSettingsRecords accounts, TenantSweeps tenants,
            MessagingSettingsService settings, Outbox outbox, SmsReplies replies, PortalAddress portal, Clock clock) {
        this.clock = clock;
        this.receipts = receipts;
        this.accounts = accounts;
        this.tenants = tenants;
        this.settings = settings;
        this.outbox = outbox;
        this.replies = replies;
        this.portal = portal;
    }

    @PostMapping(path = STATUS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(@RequestParam MultiValueMap<String, String> form,
            @RequestHeader(value = "X-Twilio-Signature", required = false) @Nullable String signature,
            HttpServletRequest request) {
        Map<String, String> params = form.toSingleValueMap();
        // Twilio reports one message several times (queued, sent, delivered): each status once.
        String receipt = receipt("status", params.get("MessageSid"), params.getOrDefault("MessageStatus", ""));
        Optional<Boolean> handled = verified(params, signature, request, receipt, true, () -> {
            outbox.recordDelivery(params.getOrDefault("MessageSid", ""), params.getOrDefault("MessageStatus", ""),
                    params.get("ErrorCode"));
            return true;
        });
        return handled.isPresent() ? ResponseEntity.noContent().build()
                : ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @PostMapping(path = INBOUND_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> inbound(@RequestParam MultiValueMap<String, String> form,
            @RequestHeader(value = "X-Twilio-Signature", required = false) @Nullable String signature,
            HttpServletRequest request) {
        Map<String, String> params = form.toSingleValueMap();
        String receipt = receipt("inbound", params.getOrDefault("MessageSid", params.get("SmsSid")), "");
        // A replay answers an empty response: 200, so Twilio does not retry, and no second reply to the phone.
        Optional<String> answer = verified(params, signature, request, receipt, "", () -> replies.handle(
                params.getOrDefault("From", ""), params.getOrDefault("Body", ""))
                .map(text -> "<Message>" + HtmlUtils.htmlEscape(text) + "</Message>").orElse(""));
        return answer.map(text -> ResponseEntity.ok().contentType(MediaType.TEXT_XML)
                .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + text + "</Response>"))
                .orElse(ResponseEntity.status(HttpStatus.FORBIDDEN).build());
    }

    /**
     * Runs the work in the account's tenant if, and only if, the signature verifies with that tenant's token, and only
     * the first time Twilio's id for the request (the receipt) is seen: a signed request sent again, by Twilio's retry
     * or by someone who captured it, answers {@code alreadyDone} and changes nothing.
     */
    private <T> Optional<T> verified(Map<String, String> params, @Nullable String signature,
            HttpServletRequest request, @Nullable String receipt, T alreadyDone, java.util.function.Supplier<T> work) {
        String account = params.get("AccountSid");
        if (signature == null || account == null || !account.matches("AC[0-9a-fA-F]{32}")) {
            return Optional.empty();
        }
        List<String> owners = accounts.tenantsUsingAccount(account);
        if (owners.size() != 1) {
            return Optional.empty();
        }
        String url = publicUrl(request);
        return tenants.inTenant(owners.getFirst(), PURPOSE, EnumSet.of(PortalRole.COORDINATOR), () -> {
            String token = settings.providers().twilioAuthToken();
            if (token == null || !new RequestValidator(token).validate(url, new HashMap<>(params), signature)) {
                return null;
            }
            if (receipt != null && !receipts.firstTime(receipt, clock.instant())) {
                return alreadyDone;
            }
            try {
                return work.get();
            } catch (RuntimeException failed) {
                // Not done after all: Twilio's retry of this request must be acted on.
                if (receipt != null) {
                    receipts.forget(receipt);
                }
                throw failed;
            }
        });
    }

    /** Twilio's id for a request, if it sent one of the shape it uses (a request without one is not deduplicated). */
    private static @Nullable String receipt(String kind, @Nullable String messageSid, String status) {
        if (messageSid == null || !messageSid.matches("[A-Za-z0-9]{1,64}") || status.length() > 40) {
            return null;
        }
        return kind + ":" + messageSid + ":" + status;
    }

    /** The URL Twilio called, as it knows it: the configured public address, not what a proxy passed on. */
    private String publicUrl(HttpServletRequest request) {
        String base = portal.configured()
                .orElseGet(() -> request.getRequestURL().toString().replace(request.getRequestURI(), ""));
        String query = request.getQueryString();
        return base + request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
