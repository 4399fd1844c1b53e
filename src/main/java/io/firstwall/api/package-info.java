/** The REST API: analyses as JSON, errors as RFC 9457 problem details. */
package io.firstwall.api;
