package io.firstwall.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Service;

import io.firstwall.system.AuditLog;
import io.firstwall.system.NotFoundException;

/**
 * Personal API tokens. A token is 32 random bytes, shown once when created; only its SHA-256 hash is
 * stored (a fast hash is right for a random secret of that length, unlike a password). A request
 * with {@code Authorization: Bearer <token>} acts as the token's account, with the account's roles,
 * as long as neither the token is revoked nor the account disabled.
 */
@Service
@ConditionalOnWebApplication
public class ApiTokenService {

    /** What every token starts with, so that a leaked one is recognisable. */
    static final String PREFIX = "fw_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a checked token is trusted before it is looked up again. */
    private static final long CACHE_NANOS = 5_000_000_000L;

    /** A token as its owner sees it in the list (never the secret). */
    public record Token(long id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    private record Cached(UserDetails user, long id, long until) {
    }

    private final JdbcClient jdbc;
    private final JdbcUserDetailsManager users;
    private final Clock clock;
    private final AuditLog audit;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ApiTokenService(JdbcClient jdbc, JdbcUserDetailsManager users, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
        this.audit = audit;
    }

    /** Creates a token for an account and returns its secret; it is never shown again. */
    public String create(String username, String name) {
        String label = name == null || name.isBlank() ? "API token" : name.strip();
        if (label.length() > 100) {
            throw new AccountService.AccountException("A token name may be at most 100 characters.");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into api_token(username, name, token_hash, created_at) values (?, ?, ?, ?)")
                .params(username, label, hash(secret), clock.instant().atOffset(ZoneOffset.UTC)).update();
        audit.record(username, "api token", "created token '" + label + "'", "account page");
        return secret;
    }

    public List<Token> tokens(String username) {
        return jdbc.sql("select id, name, created_at, last_used_at from api_token where username = ? and revoked_at"
                + " is null order by id").param(username)
                .query((rs, n) -> new Token(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(4, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                                .orElse(null)))
                .list();
    }

    /** Revokes one of the account's own tokens; it stops working at once. */
    public void revoke(String username, long id) {
        int changed = jdbc.sql("update api_token set revoked_at = ? where id = ? and username = ? and revoked_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id, username).update();
        if (changed == 0) {
            throw new NotFoundException("There is no token " + id + " of yours.");
        }
        cache.clear();
        audit.record(username, "api token", "revoked token " + id, "account page");
    }

    /** The enabled account a token acts for, if the token is valid. */
    Optional<UserDetails> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(secret);
        long now = System.nanoTime();
        Cached cached = cache.get(hash);
        if (cached != null && cached.until() - now > 0) {
            return Optional.of(cached.user());
        }
        Optional<Map<String, Object>> row = jdbc.sql("select id, username from api_token where token_hash = ? and"
                + " revoked_at is null").param(hash).query().listOfRows().stream().findFirst();
        if (row.isEmpty()) {
            cache.remove(hash);
            return Optional.empty();
        }
        String username = (String) row.get().get("USERNAME");
        long id = ((Number) row.get().get("ID")).longValue();
        if (!users.userExists(username)) {
            return Optional.empty();
        }
        UserDetails user = users.loadUserByUsername(username);
        if (!user.isEnabled()) {
            return Optional.empty();
        }
        jdbc.sql("update api_token set last_used_at = ? where id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id).update();
        cache.put(hash, new Cached(user, id, now + CACHE_NANOS));
        return Optional.of(user);
    }

    /** Forgets what was checked, so that a change to an account applies to its next request. */
    void forget() {
        cache.clear();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
