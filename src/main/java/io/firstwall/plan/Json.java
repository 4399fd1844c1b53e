package io.firstwall.plan;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper the core uses for plans and analyses (ISO dates, no timestamps). */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    public static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }

    /** JSON text without the byte-order mark that some editors write first (Windows Notepad, Excel exports). */
    public static String withoutBom(String text) {
        return text != null && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
