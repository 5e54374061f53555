package org.researchportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H2;

/** A titled block of a dashboard. */
public final class Section extends Composite<com.vaadin.flow.component.html.Section> {

    public Section(String title, Component... content) {
        var heading = new H2(title);
        heading.addClassName("portal-section__title");
        getContent().addClassName("portal-section");
        getContent().add(heading);
        getContent().add(content);
    }
}
