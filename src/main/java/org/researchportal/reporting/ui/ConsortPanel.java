package org.researchportal.reporting.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.researchportal.reporting.ConsortFlow;
import org.researchportal.study.StudySummary;

/**
 * The study's live CONSORT diagram, with a link that downloads it as an SVG image: the content of the dashboard's
 * folded CONSORT card (see {@link ConsortSection}).
 */
final class ConsortPanel extends Composite<Div> {

    ConsortPanel(StudySummary study, ConsortFlow flow) {
        Div card = getContent();
        card.addClassName("consort-panel");
        String svg = ConsortDiagram.svg(flow, this::getTranslation, getLocale());
        var diagram = new Html("<div class=\"consort-diagram\">" + svg + "</div>");
        byte[] bytes = svg.getBytes(StandardCharsets.UTF_8);
        var download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(bytes), study.acronym() + "-consort.svg", "image/svg+xml", bytes.length)),
                getTranslation("consort.download"));
        download.setDownload(true);
        card.add(diagram, download);
    }
}
