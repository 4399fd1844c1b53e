/**
 * Rule tests ({@code rules/tests/*.json}): plans with the answer the rules must give them, run before
 * any rule or fact change is published. Part of the core: no Spring.
 */
package io.firstwall.ruletests;
