/**
 * The trial's system of record: queries on data points, edit checks, source-data verification, the investigator's
 * electronic signatures, locks on forms, participants and the study's database, the study's life from set-up to
 * archive, and the monitor's dashboard. It sits above the modules that keep clinical data: they ask it only through
 * what the base declares ({@link org.researchportal.base.clinical.ClinicalRecordLocks}, the
 * {@link org.researchportal.base.clinical.ClinicalDataChanged} event), and it reads their data through their services.
 */
@NullMarked
package org.researchportal.quality;

import org.jspecify.annotations.NullMarked;
