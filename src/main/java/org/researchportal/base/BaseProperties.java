package org.researchportal.base;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The base module's settings under {@code portal} (see application.yml for what each means and which environment
 * variable sets it). Checked at start-up: a wrong value stops the portal with the property's name instead of surfacing
 * later as odd behaviour.
 */
@ConfigurationProperties("portal")
@Validated
public record BaseProperties(@DefaultValue("") String baseUrl, @Valid @DefaultValue Phone phone,
        @Valid @DefaultValue Network network, @Valid @DefaultValue Secrets secrets,
        @Valid @DefaultValue Storage storage) {

    /** Where a number typed without its country code belongs: an ISO 3166 code such as CN. */
    public record Phone(@DefaultValue("CN") @Pattern(regexp = "[A-Z]{2}",
            message = "must be a two-letter ISO 3166 code such as CN") String defaultRegion) {}

    /** The installation's own reverse proxies, comma-separated addresses or CIDR ranges. */
    public record Network(@DefaultValue("") String trustedProxies) {}

    /** The sealing keys (Base64) and, for the embedded default, the file its key is kept in. */
    public record Secrets(@DefaultValue("") String key, @DefaultValue("") String previousKeys,
            @DefaultValue("") String lookupKey, @DefaultValue("") String keyFile) {}

    public record Storage(@DefaultValue("research-portal") @NotBlank String database,
            @Valid @DefaultValue Embedded embedded) {

        /**
         * The embedded wire server: file (kept under dataDir) or memory (gone at shutdown); port 0 picks a free one.
         * cacheMb: the file store's page cache in MB (H2's own default, 16, re-reads pages of a 100,000-document
         * collection on every scan; docs/deployment.md has the measurement).
         */
        public record Embedded(@DefaultValue("file") @Pattern(regexp = "file|memory",
                message = "must be file or memory") String store,
                @DefaultValue("./data") @NotBlank String dataDir, @DefaultValue("0") @Min(0) @Max(65535) int port,
                @DefaultValue("256") @Min(value = 1, message = "must be at least 1 (MB)") @Max(value = 65536,
                        message = "must be at most 65536 (MB)") int cacheMb) {}
    }
}
