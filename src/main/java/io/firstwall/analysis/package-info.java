/**
 * The analyzer core, free of Spring: a plan, the facts and a compiled rule base go in, an analysis
 * with its walls, first wall and cascade comes out. Also the records that rules insert.
 */
package io.firstwall.analysis;
