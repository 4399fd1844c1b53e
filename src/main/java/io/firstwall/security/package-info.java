/** Who may do what: form login for people, HTTP Basic for API clients, roles ANALYST, EXPERT, ADMIN. */
package io.firstwall.security;
