/**
 * What would it take: the cheapest sets of lever changes ({@code rules/levers.csv}) that put every phase
 * of a plan on time, each the full analysis of the changed plan, ranked by lever costs plus the cost of
 * the delay that remains. Part of the core: no Spring.
 */
package io.firstwall.seek;
