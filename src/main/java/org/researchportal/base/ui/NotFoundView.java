package org.researchportal.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.PermitAll;

/**
 * What a person sees for a page that does not exist or is not theirs to open (Vaadin answers both as not found, so a
 * URL reveals nothing): a plain message and the way back, never a stack trace.
 */
@PermitAll
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassNames("portal-view", "not-found-view");
        add(new H1(getTranslation("not-found.title")), new Paragraph(getTranslation("not-found.message")),
                new Anchor("", getTranslation("not-found.home")));
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
