/** The nightly batch: every saved plan and scenario analysed, a report with what changed and why. */
package io.firstwall.report;
