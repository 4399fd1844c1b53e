/** Plans: what someone intends to build, the v1 JSON format, and its validation. */
package io.firstwall.plan;
