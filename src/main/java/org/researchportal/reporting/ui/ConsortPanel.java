package org.researchportal.reporting.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import org.researchportal.base.ui.DownloadLink;
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
        var download = DownloadLink.svg(getTranslation("consort.download"), study.acronym() + "-consort.svg",
                () -> svg);
        card.add(diagram, download);
    }
}
