/**
 * The portal's one expression language: instrument scores (calculated items), branching logic ("show this item only
 * if ...") and edit checks. Its syntax is a subset of REDCap's calculation and branching-logic syntax, so logic that
 * comes in through a REDCap data dictionary parses as written. Pure Java: a hand-written parser, no script engine.
 * Start at {@link org.researchportal.base.expression.Expression}.
 */
@NullMarked
package org.researchportal.base.expression;

import org.jspecify.annotations.NullMarked;
