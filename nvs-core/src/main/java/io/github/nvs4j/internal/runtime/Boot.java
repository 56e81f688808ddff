package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.CrcVerdicts;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.read.BootRepair;
import io.github.nvs4j.read.BootRepair.Kind;
import io.github.nvs4j.read.Stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the emulated ESP-IDF runtime on an image the way the device oracle of {@code testdata/device-images} did:
 * {@code nvs_flash_init_partition} (§7.1–§7.5), {@code nvs_get_stats}, the iterator over every namespace, one
 * {@code nvs_get_*} per listed item in iterator order, then the {@code unlisted} rule for legacy blobs. The input
 * is never modified: the runtime reads it in place until its first write (a repair), and then starts over on a copy
 * of the whole pages. A clean image is therefore never copied (ReadBenchmark: see nvs-benchmarks/RESULTS.md).
 */
public final class Boot {

    private static final int N = PageSet.N;

    private Boot() {
    }

    /**
     * @param image the partition image (any length; a trailing partial page is ignored as the runtime does)
     * @param readOnly whether the partition is read-only
     * @return what the device sees, values included
     */
    public static BootOutcome run(byte[] image, boolean readOnly) {
        return run(image, readOnly, true);
    }

    /**
     * @param image the partition image (any length; a trailing partial page is ignored as the runtime does)
     * @param readOnly whether the partition is read-only
     * @param keepValues whether to keep the values read; without them (what the integrity checker needs) every
     *                   read is still made, with the same checks and repairs, but no value is copied, and only the
     *                   listed blobs are kept as rows, unsorted: the outcome's repairs, init result, stats and
     *                   namespaces are complete, its rows are not to be used
     * @return what the device sees
     */
    public static BootOutcome run(byte[] image, boolean readOnly, boolean keepValues) {
        return run(image, readOnly, keepValues, null);
    }

    /**
     * Boots without keeping values (see {@link #run(byte[], boolean, boolean)}), for the integrity checker, taking
     * the CRC verdicts its format checks have already computed.
     *
     * @param crcs the image's CRC verdicts ({@link CrcVerdicts#image()} is the image booted)
     * @param readOnly whether the partition is read-only
     * @return what the device sees, without values
     */
    public static BootOutcome runWithoutValues(CrcVerdicts crcs, boolean readOnly) {
        return run(crcs.image(), readOnly, false, crcs);
    }

    private static BootOutcome run(byte[] image, boolean readOnly, boolean keepValues, CrcVerdicts crcs) {
        int pageCount = image.length / Page.SIZE;
        try {
            return run(image, new PageSet(image, true, crcs, pageCount, readOnly), keepValues);
        } catch (PageSet.NeedsCopy repairAhead) {
            // the copy will change: its CRCs are computed afresh
            return run(image, new PageSet(Arrays.copyOf(image, pageCount * Page.SIZE), false, null, pageCount,
                    readOnly), keepValues);
        }
    }

    private static BootOutcome run(byte[] image, PageSet ps, boolean keepValues) {
        int pageCount = ps.pageCount;
        if (image.length % Page.SIZE != 0) {
            ps.repairs.add(new BootRepair(Kind.TRAILING_BYTES_IGNORED, pageCount, -1, (long) pageCount * Page.SIZE,
                    -1, null, 0, false, "the last " + image.length % Page.SIZE + " bytes do not make a whole "
                    + "4096-byte page: the runtime uses " + pageCount + " page(s) and ignores them"));
        }
        for (int p = 0; p < pageCount; p++) {
            int rc = PageLoader.load(ps, p);
            if (rc != Esp.OK) {
                return failed(rc, ps);
            }
        }
        PageManager pm = new PageManager(ps);
        int rc = pm.load();
        if (rc != Esp.OK) {
            return failed(rc, ps);
        }
        Storage storage = new Storage(pm, keepValues);
        storage.init();
        Stats stats = stats(ps, pm, storage);
        int[] rank = pm.ranks();
        ViewRows listed = listAndRead(ps, pm, storage, rank, keepValues);
        if (keepValues) {
            listed.sort();
        }
        ViewRows unlisted = unlisted(ps, pm, storage, rank, listed, keepValues);
        if (keepValues) {
            unlisted.sort();
        }
        List<BootOutcome.LoadedNamespace> names = new ArrayList<>(storage.nsCount);
        for (int i = 0; i < storage.nsCount; i++) {
            int slot = storage.nsSlot[i];
            names.add(new BootOutcome.LoadedNamespace(trim(storage.nsNames[i]), storage.nsIndex[i], slot / N,
                    slot % N, position(rank, pm, slot / N, slot % N)));
        }
        return new BootOutcome(Esp.OK, stats, listed, unlisted, List.copyOf(ps.repairs),
                Collections.unmodifiableList(names)); // a fresh list owned here: wrapped, not copied
    }

    private static BootOutcome failed(int rc, PageSet ps) {
        return new BootOutcome(rc, null, ViewRows.empty(), ViewRows.empty(), List.copyOf(ps.repairs), List.of());
    }

    private static long position(int[] rank, PageManager pm, int page, int entry) {
        long r = rank[page] >= 0 ? rank[page] : (long) pm.orderSize + page;
        return r * N + entry;
    }

    /** {@code nvs_get_stats} (§7.9). */
    private static Stats stats(PageSet ps, PageManager pm, Storage storage) {
        int used = 0;
        int free = 0;
        int total = 0;
        for (int k = 0; k < pm.orderSize; k++) {
            int p = pm.order[k];
            switch (ps.state[p]) {
                case PageSet.FREEING, PageSet.INVALID -> {
                    return null;
                }
                case PageSet.ACTIVE, PageSet.FULL -> {
                    used += ps.used[p];
                    free += N - ps.used[p];
                }
                default -> free += N;
            }
            total += N;
        }
        free += N * pm.freeCount();
        total += N * pm.freeCount();
        return new Stats(used, free, free >= N ? free - N : 0, total, storage.nsCount);
    }

    /**
     * The iterator ({@code nvs_entry_find} / {@code nvs_entry_next}), then one read per listed item.
     *
     * @return the listed items with the results of their reads, in iterator order
     */
    private static ViewRows listAndRead(PageSet ps, PageManager pm, Storage storage, int[] rank,
                                        boolean keepValues) {
        byte[] b = ps.flash;
        // Room for every written entry of the pages in order: at least as many as are listed, so no regrowth.
        int capacity = 64;
        for (int k = 0; k < pm.orderSize; k++) {
            capacity += ps.used[pm.order[k]];
        }
        int[] slots = new int[capacity];
        byte[][] names = new byte[capacity][];
        int listed = 0;
        byte[] name = new byte[16];
        for (int k = 0; k < pm.orderSize; k++) {
            int p = pm.order[k];
            int index = 0;
            int found;
            while ((found = ps.nextItem(p, index)) >= 0) {
                int e = PageSet.entryOffset(p, found);
                index = found + (b[e + 2] & 0xFF);
                int ns = b[e] & 0xFF;
                int type = b[e + 1] & 0xFF;
                int chunk = b[e + 3] & 0xFF;
                if (ns == 0 || type == ItemHeader.T_BLOB || type == ItemHeader.T_BLOB_IDX
                        || (type == ItemHeader.T_BLOB_DATA && chunk != 0 && chunk != 0x80)) {
                    continue;
                }
                int owner = storage.namespaceOfIndex(ns);
                if (owner >= 0) {
                    name = storage.nsNames[owner];
                }
                if (listed == capacity) {
                    capacity *= 2;
                    slots = Arrays.copyOf(slots, capacity);
                    names = Arrays.copyOf(names, capacity);
                }
                slots[listed] = p * N + found;
                names[listed] = name;
                listed++;
            }
        }
        ViewRows rows = new ViewRows(keepValues ? listed : 16, keepValues);
        Storage.Read read = new Storage.Read();
        Map<byte[], byte[]> trimmedNames = new IdentityHashMap<>();
        byte[] openedName = null;
        byte[] openedTrimmed = null;
        int openedIndex = -1;
        byte[] lookupKey = new byte[16]; // the reads below do not keep the key they are given
        for (int i = 0; i < listed; i++) {
            int p = slots[i] / N;
            int idx = slots[i] % N;
            int e = PageSet.entryOffset(p, idx);
            int type = b[e + 1] & 0xFF;
            byte[] key = PageSet.normalisedKey(b, e, lookupKey);
            byte[] nsName = names[i];
            if (nsName != openedName) { // names are the storage's arrays: open each run of one namespace once
                openedName = nsName;
                openedTrimmed = trimmed(nsName, trimmedNames);
                openedIndex = storage.openNamespace(nsName);
            }
            int nsIndex = openedIndex;
            long fixed = 0;
            byte[] bytes = null;
            int error;
            int hash = nsIndex < 0 || type == ItemHeader.T_BLOB_DATA ? -1
                    : storage.lookupHashOf(slots[i], nsIndex, key);
            if (nsIndex < 0) {
                error = Esp.ERR_NVS_NOT_FOUND;
            } else if (!keepValues && type != ItemHeader.T_BLOB_DATA
                    && storage.readsItself(slots[i], nsIndex, hash, type)) {
                continue; // the read would find this item and change nothing, and without values it keeps no row
            } else if (ItemHeader.isFixedSize(type)) {
                int at = storage.readFixed(nsIndex, type, key, hash);
                error = at < 0 ? -at : Esp.OK;
                if (at >= 0) {
                    fixed = Bytes.u64(b, at + 24); // the value, in the width its type gives it
                }
            } else {
                if (type == ItemHeader.T_SZ) {
                    storage.readString(nsIndex, key, read, hash);
                } else {
                    storage.readBlob(nsIndex, key, read);
                }
                error = read.error;
                bytes = keepValues ? read.value : null;
            }
            if (keepValues || type == ItemHeader.T_BLOB_DATA) { // without values only the unlisted rule needs rows
                rows.add(openedTrimmed, key, type, error, slots[i], position(rank, pm, p, idx), fixed, bytes);
            }
        }
        return rows;
    }

    /** One trimmed copy per namespace name, so that rows share it (and compare by identity first). */
    private static byte[] trimmed(byte[] name, Map<byte[], byte[]> cache) {
        byte[] trimmed = cache.get(name);
        if (trimmed == null) {
            trimmed = trim(name);
            cache.put(name, trimmed);
        }
        return trimmed;
    }

    /**
     * The dumper's rule for legacy blobs (device-images README, {@code unlisted}): WRITTEN entries of type 0x41 on
     * pages whose state word is ACTIVE, FULL or FREEING, named through the last WRITTEN namespace record with their
     * index, read with {@code nvs_get_blob} unless the same namespace and key is already listed as a blob.
     */
    private static ViewRows unlisted(PageSet ps, PageManager pm, Storage storage, int[] rank, ViewRows listed,
                                     boolean keepValues) {
        byte[] b = ps.flash;
        int[] record = null;
        ViewRows out = new ViewRows(4, keepValues);
        Storage.Read read = new Storage.Read();
        for (int p = 0; p < ps.pageCount; p++) {
            if (!stateWordInUse(b, p)) {
                continue;
            }
            for (int i = 0; i < N; i++) {
                int e = PageSet.entryOffset(p, i);
                if (ps.pair(p, i) != PageSet.WRITTEN || (b[e + 1] & 0xFF) != ItemHeader.T_BLOB) {
                    continue;
                }
                if (record == null) {
                    record = namespaceRecords(ps);
                }
                int rec = record[b[e] & 0xFF];
                if (rec < 0) {
                    continue;
                }
                byte[] nsName = PageSet.normalisedKey(b, rec);
                int nsIndex = storage.openNamespace(nsName);
                byte[] key = PageSet.normalisedKey(b, e);
                if (nsIndex < 0) {
                    continue;
                }
                if (listed.containsBlob(trim(nsName), key)) {
                    continue;
                }
                storage.readBlob(nsIndex, key, read);
                if (read.error == Esp.OK) {
                    out.add(trim(nsName), key, ItemHeader.T_BLOB_DATA, Esp.OK, p * N + i, position(rank, pm, p, i),
                            0, keepValues ? read.value : null);
                }
            }
        }
        return out;
    }

    private static boolean stateWordInUse(byte[] b, int page) {
        int word = Bytes.u32(b, page * Page.SIZE);
        return word == 0xFFFFFFFE || word == 0xFFFFFFFC || word == 0xFFFFFFF8;
    }

    /** @return for each namespace index, the offset of the last WRITTEN namespace record carrying it, or -1 */
    private static int[] namespaceRecords(PageSet ps) {
        byte[] b = ps.flash;
        int[] record = new int[256];
        Arrays.fill(record, -1);
        for (int p = 0; p < ps.pageCount; p++) {
            if (!stateWordInUse(b, p)) {
                continue;
            }
            for (int i = 0; i < N; i++) {
                int e = PageSet.entryOffset(p, i);
                if (ps.pair(p, i) == PageSet.WRITTEN && b[e] == 0 && b[e + 1] == ItemHeader.T_U8) {
                    record[b[e + 24] & 0xFF] = e;
                }
            }
        }
        return record;
    }

    private static byte[] trim(byte[] normalised) {
        return Arrays.copyOf(normalised, PageSet.keyLength(normalised));
    }
}
