package org.researchportal.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One figure with its label, for dashboards (e.g. "Enrolled 7"). */
public final class StatCard extends Composite<Div> {

    public StatCard(String label, String value) {
        var figure = new Span(value);
        figure.addClassName("stat-card__value");
        var caption = new Span(label);
        caption.addClassName("stat-card__label");
        getContent().addClassName("stat-card");
        getContent().add(figure, caption);
    }
}
