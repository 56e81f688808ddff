package io.github.nvs4j.check;

import java.util.List;
import java.util.Objects;

/**
 * The minimal dump of an image as {@code nvs_tool.py IMAGE -f json -d minimal} prints it, with notes where the tool
 * itself would fail on the image.
 *
 * @param json the printed text, a newline at the end
 * @param notes one sentence per place where {@code nvs_tool.py} would stop with an exception and what this dump
 *     printed instead; empty when the dump is exactly the tool's output
 */
public record MinimalDump(String json, List<String> notes) {

    /**
     * Copies the notes.
     *
     * @param json the printed text
     * @param notes the notes
     */
    public MinimalDump {
        Objects.requireNonNull(json, "json");
        notes = List.copyOf(notes);
    }

    /** @return whether {@code nvs_tool.py} prints exactly {@link #json()} for the image (no notes) */
    public boolean matchesTool() {
        return notes.isEmpty();
    }
}
