package io.github.nvs4j.csv;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.model.NvsData;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What was read from generator CSV rows: the {@link NvsData}, and where each namespace and item came from. Errors
 * found later, by code that knows only a key (the writer's "does not fit in the partition", for example), can be
 * given their file and line with {@link #locate(NvsInputException)}.
 *
 * <p>Items that the generator adds by itself (the Wi-Fi keys {@code sta.apinfo}, {@code sta.pmk}, {@code sta.apsw},
 * {@code ap.pmk_info}) have the source of the row that caused them, with a context that says so. Immutable.
 */
public final class CsvInput {

    private final NvsData data;
    private final Map<String, SourceRef> namespaceSources;
    private final Map<String, Map<String, SourceRef>> itemSources;

    CsvInput(NvsData data, Map<String, SourceRef> namespaceSources, Map<String, Map<String, SourceRef>> itemSources) {
        this.data = Objects.requireNonNull(data, "data");
        this.namespaceSources = Collections.unmodifiableMap(new LinkedHashMap<>(namespaceSources));
        Map<String, Map<String, SourceRef>> copy = new HashMap<>();
        itemSources.forEach((ns, keys) -> copy.put(ns, Map.copyOf(keys)));
        this.itemSources = Collections.unmodifiableMap(copy);
    }

    /** @return the namespaces and items, in the order the rows gave them */
    public NvsData data() {
        return data;
    }

    /**
     * @param namespace a namespace name
     * @param key       a key in it
     * @return the row the item came from, if the item exists
     */
    public Optional<SourceRef> sourceOf(String namespace, String key) {
        Map<String, SourceRef> keys = itemSources.get(namespace);
        return Optional.ofNullable(keys == null ? null : keys.get(key));
    }

    /**
     * @param namespace a namespace name
     * @return the row that first defined the namespace, if it exists
     */
    public Optional<SourceRef> namespaceSource(String namespace) {
        return Optional.ofNullable(namespaceSources.get(namespace));
    }

    /**
     * Lists every row that a key, or a namespace of that name, came from, in write order: the candidates for an
     * error that names only a key.
     *
     * @param key a key or namespace name
     * @return the sources, empty if the name is unknown
     */
    public List<SourceRef> sourcesOf(String key) {
        List<SourceRef> found = new ArrayList<>();
        SourceRef ns = namespaceSources.get(key);
        if (ns != null) {
            found.add(ns);
        }
        for (NvsData.Item item : data.items()) {
            if (item.key().equals(key)) {
                found.add(itemSources.get(item.namespace()).get(key));
            }
        }
        return found;
    }

    /**
     * Adds the file and line to an exception that names only a key, for example the writer's report that an item
     * does not fit in the partition. When the key came from exactly one row, the result names that row's file and
     * line; when several rows have that key (in different namespaces), the reason lists them all; an exception that
     * already names a source, or names no key known here, is returned unchanged.
     *
     * @param e an exception about this data
     * @return an exception with the same reason and key, located where possible
     */
    public NvsInputException locate(NvsInputException e) {
        if (e.source() != null || e.key() == null) {
            return e;
        }
        List<SourceRef> candidates = sourcesOf(e.key());
        if (candidates.size() == 1) {
            SourceRef where = candidates.get(0);
            String reason = where.context().isEmpty() ? e.reason() : e.reason() + " (" + where.context() + ")";
            NvsInputException located = new NvsInputException(reason, where.source(), where.line(), e.key(), e);
            located.setStackTrace(e.getStackTrace());
            return located;
        }
        if (candidates.size() > 1) {
            List<String> places = new ArrayList<>();
            candidates.forEach(c -> places.add(c.source() + ':' + c.line()));
            NvsInputException listed = new NvsInputException(e.reason() + " (the key is set at "
                    + String.join(", ", places) + ")", null, 0, e.key(), e);
            listed.setStackTrace(e.getStackTrace());
            return listed;
        }
        return e;
    }

    @Override
    public String toString() {
        return "CsvInput[" + data + "]";
    }
}
