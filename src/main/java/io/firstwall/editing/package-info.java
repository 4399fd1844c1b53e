/** Rule editing for domain experts: validate, run rule test scenarios, preview the impact, publish atomically, history, revert. */
package io.firstwall.editing;
