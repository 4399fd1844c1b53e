package io.firstwall.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Pages need a login (form); API clients use HTTP Basic. CSRF protection stays on for everything
 * a browser session can reach; only API requests that carry their own credentials skip it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
public class SecurityConfiguration {

    /** The local demo passwords; the prod profile refuses to start while any account uses one. */
    static final Set<String> DEMO_PASSWORDS = Set.of("{noop}analyst", "{noop}expert", "{noop}admin");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/login", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/batch/**", "/api/batch/**").hasRole(Roles.ADMIN)
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
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getRequestURI().startsWith("/api/")
                        && request.getHeader("Authorization") != null));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties, Environment environment) {
        List<SecurityProperties.User> users = properties.users();
        if (users.isEmpty()) {
            throw new IllegalStateException("No accounts are configured (firstwall.security.users); nobody could log in.");
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            List<String> demo = users.stream().filter(u -> DEMO_PASSWORDS.contains(u.password()))
                    .map(SecurityProperties.User::name).toList();
            if (!demo.isEmpty()) {
                throw new IllegalStateException("The prod profile refuses to start with the demo passwords of "
                        + demo + "; set firstwall.security.users[n].password to a {bcrypt} hash for each account.");
            }
        }
        UserDetails[] details = users.stream()
                .map(u -> User.withUsername(u.name()).password(u.password())
                        .roles(u.roles().toArray(String[]::new)).build())
                .toArray(UserDetails[]::new);
        return new InMemoryUserDetailsManager(Arrays.asList(details));
    }
}
