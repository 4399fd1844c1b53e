/** The fact base: sourced reference figures and the region and accelerator catalogues, read from CSV. */
package io.firstwall.facts;
