package org.researchportal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Research Portal: a multi-tenant portal for exercise-intervention trials. Each direct subpackage is a
 * Spring Modulith application module (see ModularityTests).
 */
@SpringBootApplication
// Each module's settings record (BaseProperties, IdentityProperties, MessagingProperties, ...), checked at start-up.
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
// A plain static resource (pom.xml copies frontend/ to META-INF/resources/styles): no Node.js bundle build.
@StyleSheet("styles/portal.css")
public class PortalApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }
}
