package io.firstwall.security;

import java.time.Duration;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Password logins (form and HTTP Basic) against the account store, throttled by
 * {@link LoginThrottle}; a password stored in an old format is re-encoded and stored on success.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(JdbcUserDetailsManager users, PasswordEncoder encoder, LoginThrottle throttle) {
        super(users);
        setPasswordEncoder(encoder);
        users.setEnableUpdatePassword(true);
        setUserDetailsPasswordService(users);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        Duration locked = throttle.lockedFor(name);
        if (!locked.isZero()) {
            throw new LockedException("Too many wrong passwords for " + name + "; try again in "
                    + Math.max(1, locked.toSeconds()) + " s.");
        }
        try {
            Authentication result = super.authenticate(authentication);
            throttle.succeeded(name);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(name);
            throw e;
        }
    }
}
