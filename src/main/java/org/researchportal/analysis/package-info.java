/**
 * The trial's analyses that no trial database or exercise app shows: whether blinding held (Bang's and James'
 * indexes), the exercise as delivered (CERT), compliance, adherence and fidelity, contamination of the control arm,
 * the safety report by arm for a data monitoring committee, and the outcome summary by arm once the database is
 * locked. It reads the modules that keep the data through their services and keeps only what the team writes for
 * CERT. Every figure is split by arm, so every read here is for unblinded roles ({@code @ShowsArms}), and every
 * figure keeps the records it was computed from ({@link FigureSource}).
 */
@NullMarked
package org.researchportal.analysis;

import org.jspecify.annotations.NullMarked;
