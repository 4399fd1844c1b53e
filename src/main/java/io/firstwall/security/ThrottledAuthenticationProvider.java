package io.firstwall.security;

import java.time.Duration;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Password logins (form and HTTP Basic) against the account store, throttled by
 * {@link LoginThrottle}; a password stored in an old format is re-encoded and stored on success.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(JdbcUserDetailsManager users, JdbcClient jdbc, PasswordEncoder encoder,
            LoginThrottle throttle) {
        super(users);
        setPasswordEncoder(encoder);
        // Only the password column changes, and only if it still holds the old value: concurrent first
        // logins of one account upgrade it once, and its roles are never rewritten.
        setUserDetailsPasswordService((user, encoded) -> {
            jdbc.sql("update users set password = ? where username = ? and password = ?")
                    .params(encoded, user.getUsername(), user.getPassword()).update();
            return User.withUserDetails(user).password(encoded).build();
        });
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
                : "unknown";
        Duration locked = throttle.lockedFor(name, address);
        if (!locked.isZero()) {
            throw new LockedException("Too many wrong passwords for " + name + " from here; try again in "
                    + Math.max(1, locked.toSeconds()) + " s.");
        }
        try {
            Authentication result = super.authenticate(authentication);
            throttle.succeeded(name, address);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(name, address);
            throw e;
        }
    }
}
