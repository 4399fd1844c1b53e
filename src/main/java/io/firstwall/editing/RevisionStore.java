package io.firstwall.editing;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.firstwall.plan.Json;
import io.firstwall.system.NotFoundException;
import tools.jackson.core.type.TypeReference;

/**
 * Whole recorded file sets in one table ({@code rule_revision} or {@code fact_revision}), so that
 * any two can be compared and any one restored.
 */
public final class RevisionStore {

    private static final TypeReference<TreeMap<String, String>> FILES = new TypeReference<>() {
    };

    /** One file's revisions: each revision in which it changed, with its changed lines. */
    public record FileChange(Revision revision, List<LineDiff.Line> lines) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String table;
    private final String noun;

    RevisionStore(JdbcClient jdbc, Clock clock, String table, String noun) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.table = table;
        this.noun = noun;
    }

    /** Records the first revision, or one for changes made on disk while the app was stopped. */
    Revision recordStart(Map<String, String> files, String what) {
        Revision latest = revisions().stream().findFirst().orElse(null);
        if (latest == null) {
            return record("system", "the " + noun + " as found when firstwall first started", "initial", files, null, null);
        } else if (!latest.version().equals(FileSets.version(files))) {
            return record("system", what + " was changed outside firstwall while it was stopped", "external", files, null,
                    live().map(Live::version).orElse(latest.version()));
        }
        return null;
    }

    /** The live revision as the database has it: the one every app node serves (or is about to). */
    record Live(long revisionId, String version) {
    }

    Optional<Live> live() {
        return jdbc.sql("select revision_id, version from live_revision where kind = ?").param(table)
                .query((rs, n) -> new Live(rs.getLong(1), rs.getString(2))).optional();
    }

    /**
     * Records a revision and makes it the live one, in the caller's transaction. {@code publishId} ties
     * it to the journal of the publish that wrote its files; {@code base} is the version the change was
     * made on: when another node has made another version live meanwhile, nothing is recorded and the
     * change is refused as a conflict (compare and set on {@code live_revision}). A null base records
     * unconditionally (the very first revision).
     */
    Revision record(String author, String message, String kind, Map<String, String> files, String publishId,
            String base) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Instant now = clock.instant();
        String version = FileSets.version(files);
        jdbc.sql("insert into " + table + "(created_at, author, message, kind, version, files, publish_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(now.atOffset(ZoneOffset.UTC), author, message, kind, version,
                        Json.MAPPER.writeValueAsString(new TreeMap<>(files)), publishId)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        int moved = base == null ? 0
                : jdbc.sql("update live_revision set revision_id = ?, version = ? where kind = ? and version = ?")
                        .params(id, version, table, base).update();
        if (moved == 0) {
            Optional<Live> current = live();
            if (current.isPresent() && base != null) {
                throw conflict(base, current.get().version(), files(current.get().revisionId()), files.keySet());
            }
            if (current.isPresent()) {
                jdbc.sql("update live_revision set revision_id = ?, version = ? where kind = ?").params(id, version, table)
                        .update();
            } else {
                jdbc.sql("insert into live_revision(kind, revision_id, version) values (?, ?, ?)")
                        .params(table, id, version).update();
            }
        }
        return new Revision(id, now, author, message, kind, version);
    }

    String table() {
        return table;
    }

    /** Whether the revision of a journaled publish was committed (the moment that publish happened). */
    static boolean committed(JdbcClient jdbc, String table, String publishId) {
        return jdbc.sql("select count(*) from " + table + " where publish_id = ?").param(publishId).query(Long.class)
                .single() > 0;
    }

    List<Revision> revisions() {
        return jdbc.sql("select id, created_at, author, message, kind, version from " + table + " order by id desc")
                .query((rs, n) -> new Revision(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    Map<String, String> files(long revisionId) {
        return jdbc.sql("select files from " + table + " where id = ?").param(revisionId).query(String.class).optional()
                .map(json -> (Map<String, String>) Json.MAPPER.readValue(json, FILES))
                .orElseThrow(() -> new NotFoundException(noun + " revision", revisionId));
    }

    /** The files of the latest revision with a version, or none when no revision has it. */
    Map<String, String> filesOfVersion(String version) {
        return jdbc.sql("select files from " + table + " where version = ? order by id desc limit 1").param(version)
                .query(String.class).optional().map(json -> (Map<String, String>) Json.MAPPER.readValue(json, FILES))
                .orElse(Map.of());
    }

    /** The change set that makes the live files those of a revision again (files it did not have are deleted). */
    Map<String, String> changesBackTo(long revisionId, Map<String, String> live) {
        return FileSets.changes(live, files(revisionId));
    }

    /** The changed lines of every file that differs between two revisions. */
    Map<String, List<LineDiff.Line>> diff(long fromId, long toId) {
        return FileSets.diff(files(fromId), files(toId));
    }

    /** The revisions in which one file changed (was added, edited or removed), newest first. */
    List<FileChange> history(String path) {
        List<Revision> all = revisions();
        List<FileChange> out = new ArrayList<>();
        String newer = null;
        Revision newerRevision = null;
        for (Revision r : all) {
            String text = files(r.id()).get(path);
            if (newerRevision != null && !Objects.equals(text, newer)) {
                out.add(new FileChange(newerRevision, LineDiff.changes(text, newer)));
            }
            newer = text;
            newerRevision = r;
        }
        if (newerRevision != null && newer != null) {
            out.add(new FileChange(newerRevision, LineDiff.changes(null, newer)));
        }
        return out;
    }

    /**
     * The conflict message parts when a change set was made on a version that is no longer live:
     * the changed lines of each file the change set touches that changed meanwhile.
     */
    ConflictException conflict(String baseVersion, String liveVersion, Map<String, String> now,
            Collection<String> paths) {
        Map<String, List<LineDiff.Line>> meanwhile = FileSets.diff(filesOfVersion(baseVersion), now, paths);
        return new ConflictException("Conflict: the " + noun + " changed since you started (" + baseVersion
                + " \u2192 " + liveVersion + ")" + (meanwhile.isEmpty() ? " in other files; publish again from the live version."
                : "; these files were changed meanwhile: " + String.join(", ", meanwhile.keySet())), meanwhile);
    }
}
