package org.researchportal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;

/**
 * Every public operation of the portal's services, found the same way by the suites that walk them all (the role
 * matrix, the cross-tenant attack, the hostile input run), and called through the service's proxy so that its role
 * check and input check apply as for any caller.
 */
public final class ServiceOperations {

    private ServiceOperations() {
    }

    /** One public operation of one service bean. */
    public record Operation(String name, Object bean, Method method) {

        /** Calls it through the proxy; what it throws is thrown as it is. */
        public @Nullable Object invoke(Object... arguments) {
            try {
                return method.invoke(bean, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The public, non-static operations of the portal's own {@code @Service} beans, by name ("Type.method"). */
    public static List<Operation> of(ApplicationContext context) {
        List<Operation> operations = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getPackageName().startsWith("org.researchportal")) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()
                        && !Modifier.isStatic(method.getModifiers())) {
                    operations.add(new Operation(type.getSimpleName() + "." + method.getName(), bean, method));
                }
            }
        }
        operations.sort(Comparator.comparing(Operation::name));
        return operations;
    }
}
