/** Wiring: configuration, the live rule base and fact base, start-up checks, error pages. */
package io.firstwall.system;
