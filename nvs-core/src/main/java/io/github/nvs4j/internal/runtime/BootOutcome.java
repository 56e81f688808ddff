package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.read.BootRepair;
import io.github.nvs4j.read.Stats;

import java.util.List;

/**
 * Everything the emulated runtime found on an image: the init result, the statistics, the rows of the device view,
 * the repairs, and the namespace entries it loaded.
 *
 * @param init the init result code ({@link Esp})
 * @param stats the statistics, or {@code null} when the init or {@code nvs_get_stats} failed
 * @param listed the items the iterator listed with the results of their reads: {@link ViewRows#readable()} are the
 *               view's entries, {@link ViewRows#unreadable()} its unreadable items (sorted and with values only when
 *               the boot kept values)
 * @param unlisted legacy blobs the iterator does not list but {@code nvs_get_blob} returns
 * @param repairs what boot (and the reads) erased or discarded
 * @param namespaces the loaded namespace entries, in load order (page order, then entry order)
 */
public record BootOutcome(int init, Stats stats, ViewRows listed, ViewRows unlisted, List<BootRepair> repairs,
                          List<LoadedNamespace> namespaces) {

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
