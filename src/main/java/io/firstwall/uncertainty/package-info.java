/**
 * How sure an answer is: the facts' ranges as distributions, Latin hypercube samples of them, every
 * sample analysed by the same rules, and what comes out (the probability of each first wall, the
 * spread of delays and dates, and which facts move them). Part of the core: no Spring.
 */
package io.firstwall.uncertainty;
