package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.read.BootRepair;
import io.github.nvs4j.read.Stats;

import java.util.List;

/**
 * Everything the emulated runtime found on an image: the init result, the statistics, the three lists of the
 * device view (each sorted as the view is), the repairs, and the namespace entries it loaded.
 *
 * @param init the init result code ({@link Esp})
 * @param stats the statistics, or {@code null} when the init or {@code nvs_get_stats} failed
 * @param entries listed and readable items
 * @param unreadable listed items whose read failed
 * @param unlisted legacy blobs the iterator does not list but {@code nvs_get_blob} returns
 * @param repairs what boot (and the reads) erased or discarded
 * @param namespaces the loaded namespace entries, in load order (page order, then entry order)
 */
public record BootOutcome(int init, Stats stats, List<ViewRow> entries, List<ViewRow> unreadable,
                          List<ViewRow> unlisted, List<BootRepair> repairs, List<LoadedNamespace> namespaces) {

    /**
     * A namespace entry the storage pass loaded.
     *
     * @param name the name bytes (at most 15, no NUL)
     * @param index the namespace index it assigns
     * @param page its physical page
     * @param entry its entry index
     * @param position its place in the page log (page rank × 126 + entry)
     */
    public record LoadedNamespace(byte[] name, int index, int page, int entry, long position) {
    }
}
