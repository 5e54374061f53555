/**
 * Messaging: one durable outbox of SMS (Twilio) and email (SMTP) messages, a dispatcher that claims due messages
 * with a lease so several portal instances never send one twice, and the providers behind it.
 */
@NullMarked
package org.researchportal.messaging;

import org.jspecify.annotations.NullMarked;
