/** The command line: analyses without the web server, for scripts. */
package io.firstwall.cli;
