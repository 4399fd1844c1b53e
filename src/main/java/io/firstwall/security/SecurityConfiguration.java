package io.firstwall.security;

import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Pages need a login (form) and keep a session; API clients send a personal API token or HTTP Basic
 * with every request and get no session. CSRF protection is on for everything a session can reach.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {

    /** The local demo passwords (plain); the prod profile refuses to start while any account uses one. */
    static final Set<String> DEMO_PASSWORDS = Set.of("analyst", "expert", "admin");

    /** No inline script anywhere; styles may be inline (the chart's colour keys, the report). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'"
            + " 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /**
     * The API: stateless. Every request carries its own credentials, a personal API token
     * ({@code Bearer}) or HTTP Basic; no session is created or read, so a browser's session cookie
     * gives no access here and CSRF cannot apply.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ObjectProvider<ApiTokenService> tokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/batch/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/rules/**").hasAnyRole(Roles.EXPERT, Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/facts", "/api/facts/files", "/api/facts/revisions",
                                "/api/facts/diff").hasAnyRole(Roles.ANALYST, Roles.EXPERT, Roles.ADMIN)
                        .requestMatchers("/api/facts/**").hasAnyRole(Roles.EXPERT, Roles.ADMIN)
                        .anyRequest().hasAnyRole(Roles.ANALYST, Roles.EXPERT, Roles.ADMIN))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        tokens.ifAvailable(t -> http.addFilterBefore(new ApiTokenFilter(t), BasicAuthenticationFilter.class));
        return http.build();
    }

    /** Pages: a form login with a session, CSRF tokens on every form, and a strict content policy. */
    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessions) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/login", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/batch/**", "/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/rules/**").hasAnyRole(Roles.EXPERT, Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/facts", "/facts/export", "/facts/history", "/facts/diff")
                        .hasAnyRole(Roles.ANALYST, Roles.EXPERT, Roles.ADMIN)
                        .requestMatchers("/facts/**").hasAnyRole(Roles.EXPERT, Roles.ADMIN)
                        .requestMatchers("/", "/plans/**", "/reports/**", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html").hasAnyRole(Roles.ANALYST, Roles.EXPERT, Roles.ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/plans").permitAll())
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredUrl("/login?expired"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // Scripts may fetch a page or a report with HTTP Basic; the context is kept for that request only.
                .httpBasic(basic -> basic.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // The token lives in a cookie, so showing the login page creates no server session.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true));
        return repository;
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
