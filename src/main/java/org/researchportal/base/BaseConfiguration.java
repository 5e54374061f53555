package org.researchportal.base;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

@Configuration(proxyBeanMethods = false)
class BaseConfiguration {

    /** One clock for the whole portal, so that tests can fix time where dates matter. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * Every service operation a person reaches (one that checks the caller's role) has its text pass
     * {@link InputCharacters}, after that check. {@code AuditTrail.record}, which records what services already did,
     * is not one. An infrastructure advisor, so the proxy creator that method security registers applies it.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor inputCharactersAdvisor() {
        var servicesOperations = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                Method declared = AopUtils.getMostSpecificMethod(method, targetClass);
                return Modifier.isPublic(declared.getModifiers()) && !Modifier.isStatic(declared.getModifiers())
                        && targetClass.getPackageName().startsWith("org.researchportal")
                        && AnnotatedElementUtils.hasAnnotation(targetClass, Service.class)
                        && (declared.isAnnotationPresent(Secured.class)
                                || declared.isAnnotationPresent(PreAuthorize.class));
            }
        };
        var advisor = new DefaultPointcutAdvisor(servicesOperations, new InputCharacters());
        advisor.setOrder(Ordered.LOWEST_PRECEDENCE);
        return advisor;
    }
}
