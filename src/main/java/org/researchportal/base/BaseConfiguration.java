package org.researchportal.base;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BaseConfiguration {

    /** One clock for the whole portal, so that tests can fix time where dates matter. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
