package io.firstwall.plan;

/** How a plan is powered. */
public enum Power {
    GRID, ONSITE_GAS, SOLAR_STORAGE, SPACE_SOLAR
}
