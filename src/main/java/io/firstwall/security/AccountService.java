package io.firstwall.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firstwall.system.AuditLog;
import io.firstwall.system.NotFoundException;

/**
 * The accounts, kept in H2 through Spring Security's {@link JdbcUserDetailsManager}. The configured
 * accounts ({@code firstwall.security.users}) seed an empty table; from then on admins manage
 * accounts on {@code /admin/users}. There is always at least one enabled admin.
 */
@Service
@ConditionalOnWebApplication
public class AccountService {

    /** The shortest password an admin may set. */
    public static final int MIN_PASSWORD = 10;
    static final List<String> ROLES = List.of(Roles.ANALYST, Roles.EXPERT, Roles.ADMIN);

    /** An account as the admin page lists it. */
    public record Account(String name, Set<String> roles, boolean enabled) {
    }

    /** A change that would break a rule about accounts; nothing was changed. */
    public static class AccountException extends RuntimeException {
        AccountException(String message) {
            super(message);
        }
    }

    private final JdbcUserDetailsManager users;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final SessionRegistry sessions;
    private final ApiTokenService tokens;

    AccountService(JdbcUserDetailsManager users, JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit,
            SessionRegistry sessions, SecurityProperties properties, Environment environment, ApiTokenService tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.users = users;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        seed(properties);
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            refuseDemoPasswords();
        }
    }

    private void seed(SecurityProperties properties) {
        if (jdbc.sql("select count(*) from users").query(Integer.class).single() > 0) {
            return;
        }
        if (properties.users().isEmpty()) {
            throw new IllegalStateException("No accounts exist and none are configured (firstwall.security.users);"
                    + " nobody could log in.");
        }
        for (SecurityProperties.User u : properties.users()) {
            users.createUser(User.withUsername(u.name()).password(u.password())
                    .roles(u.roles().toArray(String[]::new)).build());
        }
        audit.record("system", "accounts", "seeded " + properties.users().size() + " accounts from configuration",
                "first start with an empty account table");
    }

    private void refuseDemoPasswords() {
        List<String> demo = new ArrayList<>();
        for (String name : names()) {
            String stored = users.loadUserByUsername(name).getPassword();
            if (SecurityConfiguration.DEMO_PASSWORDS.stream().anyMatch(p -> encoder.matches(p, stored))) {
                demo.add(name);
            }
        }
        if (!demo.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start with the demo passwords of " + demo
                    + "; set firstwall.security.users[n].password to a {bcrypt} hash for each account (and start"
                    + " with an empty account table), or change the passwords on /admin/users in a local run.");
        }
    }

    private List<String> names() {
        return jdbc.sql("select username from users order by username").query(String.class).list();
    }

    public List<Account> accounts() {
        List<Account> out = new ArrayList<>();
        for (String name : names()) {
            UserDetails u = users.loadUserByUsername(name);
            out.add(new Account(name, roles(u), u.isEnabled()));
        }
        return out;
    }

    private static Set<String> roles(UserDetails u) {
        Set<String> roles = new TreeSet<>();
        for (GrantedAuthority a : u.getAuthorities()) {
            roles.add(a.getAuthority().replaceFirst("^ROLE_", ""));
        }
        return roles;
    }

    /** An enabled account that still has its demo password, for the login page of a local run. */
    public record DemoAccount(String name, String password, Set<String> roles) {
    }

    /** Which demo password (if any) each stored hash encodes; a hash never changes its meaning. */
    private final Map<String, Optional<String>> demoByHash = new ConcurrentHashMap<>();

    /**
     * The enabled accounts whose password is still a demo password, stored plain or, once used to log
     * in, re-encoded.
     */
    public List<DemoAccount> demoAccounts() {
        List<DemoAccount> out = new ArrayList<>();
        for (String name : names()) {
            UserDetails u = users.loadUserByUsername(name);
            demoByHash.computeIfAbsent(u.getPassword(), stored -> SecurityConfiguration.DEMO_PASSWORDS.stream()
                            .filter(p -> encoder.matches(p, stored)).findFirst())
                    .filter(p -> u.isEnabled()).ifPresent(p -> out.add(new DemoAccount(name, p, roles(u))));
        }
        return out;
    }

    /** Problems with a new account's fields, by field; empty when it can be created. */
    public Map<String, String> problems(String name, String password, Set<String> roles) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name == null || !name.matches("[a-z][a-z0-9._-]{1,49}")) {
            problems.put("name", "2 to 50 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter.");
        } else if (users.userExists(name)) {
            problems.put("name", "There is already an account " + name + ".");
        }
        passwordProblem(password).ifPresent(p -> problems.put("password", p));
        rolesProblem(roles).ifPresent(p -> problems.put("roles", p));
        return problems;
    }

    /**
     * zxcvbn's estimate (nbvcxz): dictionaries of common passwords, words, names, keyboard patterns,
     * repeats. Loaded at the first password check, not at start.
     */
    private static final class Strength {
        static final me.gosimple.nbvcxz.Nbvcxz ESTIMATE = new me.gosimple.nbvcxz.Nbvcxz();
    }

    static Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            return Optional.of("At least " + MIN_PASSWORD + " characters.");
        }
        if (password.length() > 200) {
            return Optional.of("At most 200 characters.");
        }
        if (SecurityConfiguration.DEMO_PASSWORDS.contains(password)) {
            return Optional.of("That is a demo password; choose another.");
        }
        me.gosimple.nbvcxz.scoring.Result estimate;
        synchronized (Strength.ESTIMATE) {
            estimate = Strength.ESTIMATE.estimate(password);
        }
        if (!estimate.isMinimumEntropyMet()) {
            String warning = estimate.getFeedback().getWarning();
            return Optional.of("Too easy to guess" + (warning == null || warning.isBlank() ? "" : ": "
                    + warning.replaceAll("\\.$", "")) + ". Use a longer phrase of unrelated words.");
        }
        return Optional.empty();
    }

    private static Optional<String> rolesProblem(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            return Optional.of("Choose at least one role.");
        }
        if (!ROLES.containsAll(roles)) {
            return Optional.of("Roles are " + String.join(", ", ROLES) + ".");
        }
        return Optional.empty();
    }

    @Transactional
    public void create(String name, String password, Set<String> roles, String by) {
        Map<String, String> problems = problems(name, password, roles);
        if (!problems.isEmpty()) {
            throw new AccountException(String.join(" ", problems.values()));
        }
        users.createUser(User.withUsername(name).password(encoder.encode(password))
                .roles(roles.toArray(String[]::new)).build());
        audit.record(by, "account", "created " + name + " with roles " + roles, "admin page");
    }

    @Transactional
    public void update(String name, Set<String> roles, boolean enabled, String by) {
        UserDetails current = existing(name);
        rolesProblem(roles).ifPresent(p -> {
            throw new AccountException(p);
        });
        if (name.equals(by) && (!enabled || !roles.contains(Roles.ADMIN))) {
            throw new AccountException("You cannot disable your own account or take away your own admin role;"
                    + " ask another admin.");
        }
        if ((!enabled || !roles.contains(Roles.ADMIN)) && isEnabledAdmin(current) && enabledAdmins() <= 1) {
            throw new AccountException(name + " is the last enabled admin; make someone else admin first.");
        }
        users.updateUser(User.withUserDetails(current).roles(roles.toArray(String[]::new)).disabled(!enabled).build());
        endSessions(name);
        tokens.forget();
        audit.record(by, "account", name + ": roles " + roles + (enabled ? ", enabled" : ", disabled"), "admin page");
    }

    @Transactional
    public void setPassword(String name, String password, String by) {
        UserDetails current = existing(name);
        passwordProblem(password).ifPresent(p -> {
            throw new AccountException(p);
        });
        users.updateUser(User.withUserDetails(current).password(encoder.encode(password)).build());
        if (!name.equals(by)) {
            endSessions(name);
        }
        audit.record(by, "account", name + ": password " + (name.equals(by) ? "changed" : "reset"),
                name.equals(by) ? "own account page" : "admin page");
    }

    /** A user changes their own password, proving the current one. */
    public void changeOwnPassword(String name, String current, String next) {
        if (!encoder.matches(current == null ? "" : current, existing(name).getPassword())) {
            throw new AccountException("The current password is not right; nothing changed.");
        }
        setPassword(name, next, name);
    }

    /** Ends the account's logged-in sessions: its next request goes to the login page with its new roles or none. */
    private void endSessions(String name) {
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof UserDetails u && u.getUsername().equals(name)) {
                sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }

    private UserDetails existing(String name) {
        if (name == null || !users.userExists(name)) {
            throw new NotFoundException("There is no account " + name + ".");
        }
        return users.loadUserByUsername(name);
    }

    private static boolean isEnabledAdmin(UserDetails u) {
        return u.isEnabled() && roles(u).contains(Roles.ADMIN);
    }

    private long enabledAdmins() {
        return names().stream().map(users::loadUserByUsername).filter(AccountService::isEnabledAdmin).count();
    }
}
