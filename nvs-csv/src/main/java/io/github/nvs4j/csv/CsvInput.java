package io.github.nvs4j.csv;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.model.NvsData;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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

    /**
     * Takes the converter's maps as they are: a finished {@link CsvRowConverter} never changes them again, so they
     * are wrapped, not copied (copying every key's source cost a tenth of reading a CSV; see CsvBenchmark).
     */
    CsvInput(NvsData data, Map<String, SourceRef> namespaceSources, Map<String, Map<String, SourceRef>> itemSources) {
        this.data = Objects.requireNonNull(data, "data");
        this.namespaceSources = Collections.unmodifiableMap(namespaceSources);
        Map<String, Map<String, SourceRef>> wrapped = new HashMap<>();
        for (Map.Entry<String, Map<String, SourceRef>> keys : itemSources.entrySet()) {
            wrapped.put(keys.getKey(), Collections.unmodifiableMap(keys.getValue()));
        }
        this.itemSources = Collections.unmodifiableMap(wrapped);
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
     * line. When several rows have that key (in different namespaces, or a namespace of that name), the row is
     * chosen by the namespace the reason names ({@code namespace 'x'}, as the writer's messages do) or, for a reason
     * about a {@code namespace definition}, the namespace row; if that does not settle it, the reason lists all the
     * rows. An exception that already names a source, or names no key known here, is returned unchanged.
     *
     * @param e an exception about this data
     * @return an exception with the same reason and key, located where possible
     */
    public NvsInputException locate(NvsInputException e) {
        if (e.source() != null || e.key() == null) {
            return e;
        }
        List<SourceRef> candidates = sourcesOf(e.key());
        SourceRef where = candidates.size() == 1 ? candidates.get(0) : chooseByReason(e);
        if (where != null) {
            String reason = where.context().isEmpty() ? e.reason() : e.reason() + " (" + where.context() + ")";
            NvsInputException located = new NvsInputException(reason, where.source(), where.line(), e.key(), e);
            located.setStackTrace(e.getStackTrace());
            return located;
        }
        if (candidates.size() > 1) {
            List<String> places = new ArrayList<>();
            for (SourceRef c : candidates) {
                places.add(c.source() + ':' + c.line());
            }
            NvsInputException listed = new NvsInputException(e.reason() + " (the key is set at "
                    + String.join(", ", places) + ")", null, 0, e.key(), e);
            listed.setStackTrace(e.getStackTrace());
            return listed;
        }
        return e;
    }

    private SourceRef chooseByReason(NvsInputException e) {
        String reason = e.reason();
        if (reason.startsWith("namespace definition") && namespaceSources.containsKey(e.key())) {
            return namespaceSources.get(e.key());
        }
        SourceRef found = null;
        for (Map.Entry<String, Map<String, SourceRef>> ns : itemSources.entrySet()) {
            SourceRef ref = ns.getValue().get(e.key());
            if (ref != null && reason.contains("namespace '" + ns.getKey() + "'")) {
                if (found != null) {
                    return null;
                }
                found = ref;
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "CsvInput[" + data + "]";
    }
}
