package io.firstwall.security;

/** The roles: analysts use plans and what-if; experts edit rules and facts; admins run the batch and users. */
public final class Roles {

    public static final String ANALYST = "ANALYST";
    public static final String EXPERT = "EXPERT";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
