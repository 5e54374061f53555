package org.researchportal.messaging;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * SMS through the Twilio SDK with the tenant's own account. Without a Twilio account (the embedded default) the SMS
 * is captured instead: recorded as sent in the outbox, where the developer outbox shows it (links masked, as to all
 * staff), and sent nowhere; its whole text, links included, goes to the server's log, which stands in for the phone.
 * {@code portal.messaging.twilio.api-base} points the SDK at another host (a local stand-in) with its own request
 * encoding intact.
 */
@Component
class TwilioSms implements MessageSender {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TwilioSms.class);

    /** Twilio codes that will not change by trying again: invalid or unreachable number, unsubscribed, blocked. */
    private static final Set<Integer> PERMANENT = Set.of(21211, 21214, 21408, 21610, 21612, 21614, 30003, 30004,
            30005, 30006, 30007);

    private final @Nullable URI apiBase;
    /** One connection pool for every send, not one per message. */
    private final HttpClient http;
    private final @Nullable String statusCallback;
    private final boolean captureWithoutAccount;

    @Autowired
    TwilioSms(MessagingProperties settings, PortalAddress portal) {
        this(settings.twilio().apiBase(), portal, settings.captureSmsWithoutAccount(), settings.twilio().timeout());
    }

    TwilioSms(String apiBase, PortalAddress portal, boolean captureWithoutAccount, Duration timeout) {
        this.apiBase = apiBase.isBlank() ? null : URI.create(apiBase);
        this.statusCallback = portal.configured().map(base -> base + TwilioWebhooks.STATUS_PATH).orElse(null);
        this.captureWithoutAccount = captureWithoutAccount;
        this.http = httpClient(this.apiBase, timeout);
    }

    TwilioSms(String apiBase, PortalAddress portal, boolean captureWithoutAccount) {
        this(apiBase, portal, captureWithoutAccount, Duration.ofSeconds(15));
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendResult send(OutboxMessage message, ProviderSettings settings) {
        if (!settings.hasTwilio()) {
            if (!captureWithoutAccount) {
                return new SendResult.Failed("not-configured", "No SMS provider is set up for this institution");
            }
            // Only without a provider account, which production refuses (capture-sms-without-account: false).
            log.info("SMS captured, sent nowhere (no SMS provider for this institution): {}", message.bodyToSend());
            return new SendResult.Sent("captured-" + UUID.randomUUID());
        }
        var client = new TwilioRestClient.Builder(settings.twilioAccountSid(), settings.twilioAuthToken())
                .httpClient(http).build();
        PhoneNumber to = new PhoneNumber(message.getRecipient());
        MessageCreator creator = settings.messagingServiceSid() != null
                ? Message.creator(to, settings.messagingServiceSid(), message.bodyToSend())
                : Message.creator(to, new PhoneNumber(settings.smsFrom()), message.bodyToSend());
        if (statusCallback != null) {
            creator.setStatusCallback(URI.create(statusCallback));
        }
        try {
            return new SendResult.Sent(creator.create(client).getSid());
        } catch (ApiException refused) {
            Integer status = refused.getStatusCode();
            String code = refused.getCode() != null ? refused.getCode().toString()
                    : status != null ? "http-" + status : "no-answer";
            String detail = firstLine(refused.getMessage());
            if (refused.getCode() != null && PERMANENT.contains(refused.getCode())) {
                return new SendResult.Failed(code, detail);
            }
            if (status == null || status == 429 || status >= 500) {
                // Busy, failing, silent past the time-out, or an answer that cannot be read: tried again.
                return new SendResult.Retry(code, detail);
            }
            return new SendResult.Failed(code, detail);
        } catch (ApiConnectionException | IllegalStateException unreachable) {
            return new SendResult.Retry("connection", firstLine(unreachable.getMessage()));
        } catch (RuntimeException unexpected) {
            // A malformed answer: the message may or may not have gone; trying again is the safer side for a reminder.
            return new SendResult.Retry("unexpected", unexpected.getClass().getSimpleName());
        }
    }

    /** What coordinators read: the provider's first line, not a parser's location report. */
    private static String firstLine(@Nullable String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    /**
     * A slow or silent Twilio is given up on after the time-out (well inside the dispatcher's lease) and tried again
     * by the retry policy, instead of holding the dispatch round for the SDK's default half minute.
     */
    static HttpClient httpClient(@Nullable URI apiBase, Duration timeout) {
        Timeout limit = Timeout.of(timeout);
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit)
                                .setSocketTimeout(limit).build())
                        .setMaxConnTotal(20).setMaxConnPerRoute(20).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit)
                        .setConnectionRequestTimeout(limit).build());
        if (apiBase != null) {
            HttpHost host = new HttpHost(apiBase.getScheme(), apiBase.getHost(), apiBase.getPort());
            // Every request goes to the configured host; the SDK keeps its own paths, headers and form encoding.
            builder.setRoutePlanner((target, context) -> new HttpRoute(host));
        }
        return new NetworkHttpClient(builder);
    }
}
