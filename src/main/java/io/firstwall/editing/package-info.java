/** Rule editing for domain experts: validate, run the rule tests, preview the impact, publish atomically, history, revert. */
package io.firstwall.editing;
