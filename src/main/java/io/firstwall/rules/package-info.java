/** Rule sets: reading {@code rules/}, compiling DRL and decision tables into a shared rule base. */
package io.firstwall.rules;
