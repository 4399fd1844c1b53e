/** What-if analysis: scenarios (a plan plus fact overrides), their results beside the base, comparisons. */
package io.firstwall.whatif;
