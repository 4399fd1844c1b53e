package io.firstwall.system;

/** Marks controllers that serve pages to people, so errors there become friendly pages, not JSON. */
public interface PageController {
}
