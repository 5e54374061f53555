package org.researchportal.base;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the portal's HTTP endpoints outside Vaadin (the export API, webhooks, media) answer when a service refuses
 * their input: 400 with the refused fields' message keys, never a server error. A controller's own handlers come
 * first (media answers every refusal with a bare 404, telling nothing).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RefusedRequests {

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<Map<String, Object>> invalid(ValidationException refused) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "invalid", "fields",
                refused.fieldMessageKeys()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, String>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found"));
    }
}
