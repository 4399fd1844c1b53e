package io.firstwall.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The accounts, prefix {@code firstwall.security}. Passwords use Spring Security's encoded form
 * ({@code {bcrypt}...}, or {@code {noop}...} for the local demo accounts).
 *
 * @param users the accounts and their roles
 */
@ConfigurationProperties("firstwall.security")
public record SecurityProperties(@DefaultValue List<User> users) {

    /** One account. */
    public record User(String name, String password, List<String> roles) {
    }
}
