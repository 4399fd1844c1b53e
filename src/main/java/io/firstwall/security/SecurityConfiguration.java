package io.firstwall.security;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Pages need a login (form); API clients use HTTP Basic. CSRF protection stays on for everything
 * a browser session can reach; only API requests that carry their own credentials skip it.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
public class SecurityConfiguration {

    /** The local demo passwords (plain); the prod profile refuses to start while any account uses one. */
    static final Set<String> DEMO_PASSWORDS = Set.of("analyst", "expert", "admin");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessions) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/login", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/batch/**", "/api/batch/**", "/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/rules/**", "/api/rules/**").hasAnyRole(Roles.EXPERT, Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/facts", "/facts/export", "/facts/history", "/facts/diff",
                                "/api/facts", "/api/facts/files", "/api/facts/revisions", "/api/facts/diff")
                        .hasAnyRole(Roles.ANALYST, Roles.EXPERT, Roles.ADMIN)
                        .requestMatchers("/facts/**", "/api/facts/**").hasAnyRole(Roles.EXPERT, Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/", "/plans/**", "/reports/**", "/api/**")
                        .hasAnyRole(Roles.ANALYST, Roles.EXPERT, Roles.ADMIN)
                        .requestMatchers("/plans/**", "/api/plans/**", "/api/analyses", "/api/whatif")
                        .hasAnyRole(Roles.ANALYST, Roles.EXPERT, Roles.ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/plans").permitAll())
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredUrl("/login?expired"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getRequestURI().startsWith("/api/")
                        && request.getHeader("Authorization") != null));
        return http.build();
    }

    /** The logged-in sessions, so that disabling an account or resetting its password ends them at once. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
