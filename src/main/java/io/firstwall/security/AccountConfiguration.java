package io.firstwall.security;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/** The account store: Spring Security's JDBC user store over the app's H2 (tables from Flyway V9). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
@ConditionalOnWebApplication
class AccountConfiguration {

    @Bean
    JdbcUserDetailsManager users(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }

    /** Password logins, throttled, with old password formats upgraded in the store on success. */
    @Bean
    ThrottledAuthenticationProvider authenticationProvider(JdbcUserDetailsManager users, JdbcClient jdbc,
            PasswordEncoder encoder, LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(users, jdbc, encoder, throttle);
    }
}
