package io.firstwall.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import io.firstwall.plan.Json;

/** The short content hash that runs, reports and revisions use to tell versions apart. */
public final class Hashes {

    private Hashes() {
    }

    /** The version of a whole file set (path to text), as revisions name it. */
    public static String ofFiles(Map<String, String> files) {
        return of(Json.MAPPER.writeValueAsString(new TreeMap<>(files)));
    }

    public static String of(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
