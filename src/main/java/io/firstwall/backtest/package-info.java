/** The backtest: real campuses as their plans stood at the decision, scored against what happened. */
package io.firstwall.backtest;
