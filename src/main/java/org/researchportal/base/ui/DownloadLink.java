package org.researchportal.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A link that downloads a text the page makes when it is clicked: a report's figures (CSV), a chart or diagram (SVG),
 * the records behind the figures.
 */
public final class DownloadLink {

    private DownloadLink() {
    }

    public static Anchor csv(String label, String fileName, Supplier<String> content) {
        return of(label, fileName, "text/csv", content);
    }

    public static Anchor svg(String label, String fileName, Supplier<String> content) {
        return of(label, fileName, "image/svg+xml", content);
    }

    public static Anchor of(String label, String fileName, String type, Supplier<String> content) {
        var anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, type, bytes.length);
        }), label);
        anchor.setDownload(true);
        anchor.addClassName("download-link");
        return anchor;
    }
}
