package org.researchportal.exercise.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** A link that downloads a programme handout, made when it is clicked (so it shows the programme as it is then). */
final class HandoutLink {

    private HandoutLink() {
    }

    static Anchor of(String text, String fileName, Supplier<byte[]> handout) {
        var link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = handout.get();
            return new DownloadResponse(new ByteArrayInputStream(pdf), fileName, "application/pdf", pdf.length);
        }), text);
        link.setDownload(true);
        link.addClassName("big-link");
        return link;
    }
}
