package org.researchportal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * What a person sees when an action fails for a reason no form foresaw: a notice in their language, never a stack
 * trace. The screen stays as it was, so whatever they typed is still there to save again. A database out of reach
 * says so and asks them to try again; anything else gets a short reference that is also in the log.
 */
@Component
class FailureNotices implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailureNotices.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        String key;
        String reference = "";
        if (cause(failure, DataAccessResourceFailureException.class) != null
                || cause(failure, com.mongodb.MongoSocketException.class) != null
                || cause(failure, com.mongodb.MongoTimeoutException.class) != null) {
            key = "error.database-unreachable";
            LOG.warn("Database out of reach: {}", failure.toString());
        } else if (cause(failure, OptimisticLockingFailureException.class) != null) {
            key = "error.changed-meanwhile";
        } else {
            key = "error.unexpected";
            reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Unexpected failure, reference {}", reference, failure);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification.show(ui.getTranslation(key, reference), 10000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static <T extends Throwable> @Nullable T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
