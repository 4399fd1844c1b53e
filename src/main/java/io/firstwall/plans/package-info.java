/** Saved plans: their pages, form, import and export, REST CRUD, store, and the example plans seeded at start. */
package io.firstwall.plans;
