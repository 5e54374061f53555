package org.researchportal.messaging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What Twilio sends the portal's webhooks, made as Twilio makes it: a signed, form-encoded request. */
public final class TwilioSignatures {

    private TwilioSignatures() {
    }

    /**
     * Twilio's signature: HMAC-SHA1 over the URL followed by each form field's name and value, sorted by name. An
     * empty secret (a hostile test's) signs with a single zero byte, which no real auth token is.
     */
    public static String sign(String secret, String url, Map<String, String> params) throws Exception {
        var data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.isEmpty() ? new byte[1] : secret.getBytes(StandardCharsets.UTF_8),
                "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The fields as an application/x-www-form-urlencoded body. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
