package org.researchportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The bar at the top of every view: the drawer toggle, the view's title and its actions. */
public final class ViewToolbar extends Composite<Header> {

    public ViewToolbar(String title, Component... actions) {
        var toggle = new DrawerToggle();
        toggle.addClassNames(LumoUtility.Margin.NONE);
        toggle.setAriaLabel(toggle.getTranslation("layout.menu"));

        var heading = new H1(title);
        heading.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.Margin.NONE, LumoUtility.FontWeight.SEMIBOLD);

        var left = new HorizontalLayout(toggle, heading);
        left.setAlignItems(FlexComponent.Alignment.CENTER);
        left.setSpacing(false);
        left.addClassNames(LumoUtility.Gap.SMALL);

        var header = getContent();
        header.addClassNames("view-toolbar", LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP,
                LumoUtility.AlignItems.CENTER, LumoUtility.JustifyContent.BETWEEN, LumoUtility.Gap.MEDIUM,
                LumoUtility.Padding.Horizontal.MEDIUM, LumoUtility.Padding.Vertical.SMALL);
        header.add(left);
        if (actions.length > 0) {
            var actionBar = new HorizontalLayout(actions);
            actionBar.setAlignItems(FlexComponent.Alignment.BASELINE);
            actionBar.addClassNames(LumoUtility.FlexWrap.WRAP);
            header.add(actionBar);
        }
    }
}
