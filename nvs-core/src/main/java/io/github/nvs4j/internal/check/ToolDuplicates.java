package io.github.nvs4j.internal.check;

import io.github.nvs4j.check.FindingCode;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.Page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The duplicate check of {@code nvs_tool.py -i} (section 11.4 of {@code docs/nvs-format.md}, part 5) within one
 * group of written heads that share a key field, in time linear in the group.
 *
 * <p>The tool compares every entry of a key with every other: first it keeps the entries of known types that share
 * a namespace with another one, then blob indexes count only against indexes and blob chunks only against chunks
 * with the same chunk index. The same decisions follow from counting the entries per class: all known entries of a
 * namespace, its plain items (neither index nor chunk), its indexes, and its chunks per chunk index. An image made
 * to hold thousands of entries of one key (a 1 MiB image has room for 32,000) therefore costs thousands of steps,
 * not millions (the pairwise filters were quadratic).
 *
 * <p>Each finding names the other entries the device confuses with it, in walk order; beyond {@value #NAMED} it
 * names the first ones and counts the rest, so that the messages stay short too.
 */
final class ToolDuplicates {

    /** How many of the other entries a message names; the rest are counted. */
    static final int NAMED = 8;

    private static final int N = Page.ENTRY_COUNT;

    /** Entry kinds (by tool type): not known to the tool, a plain item, a blob index, a blob chunk. */
    private static final int UNKNOWN = 0;
    private static final int PLAIN = 1;
    private static final int INDEX = 2;
    private static final int CHUNK = 3;

    private final ToolParse t;
    private final byte[] image;
    private final Findings out;

    /**
     * The classes of the current group: per class its size, its first {@value #NAMED} + 1 members (walk order) and
     * its slot in the open-addressing table from {@link #classKey} to class id + 1, which is emptied after each group
     * through those slots, so that a group costs time in its own size only.
     */
    private int[] table = new int[64];
    private int[] tableKey = new int[64];
    private int classes;
    private int[] classSize = new int[16];
    private int[] classSlot = new int[16];
    private int[] firstMembers = new int[16 * (NAMED + 1)];

    /** Per entry of the current group: its kind and class ids. */
    private int[] kind = new int[16];
    private int[] allClass = new int[16];
    private int[] ownClass = new int[16];
    private int[] plainClass = new int[16];

    ToolDuplicates(ToolParse parse, Findings out) {
        this.t = parse;
        this.image = parse.image();
        this.out = out;
    }

    /**
     * Reports the duplicates of one group.
     *
     * @param groups the written heads grouped by key field (entries are page * 126 + entry)
     * @param g a group of at least two entries
     */
    void check(KeyGroups groups, int g) {
        int size = groups.size(g);
        ensureCapacity(size);
        for (int k = 0; k < size; k++) {
            int slot = groups.entry(g, k);
            int e = Page.entryOffset(slot / N, slot % N);
            int ns = image[e] & 0xFF;
            int code = image[e + 1] & 0xFF;
            int kd = kindOf(code);
            kind[k] = kd;
            if (kd == UNKNOWN) {
                continue;
            }
            allClass[k] = join(classKey(ns, 0, 0), slot);
            ownClass[k] = join(classKey(ns, kd, image[e + 3] & 0xFF), slot);
        }
        for (int k = 0; k < size; k++) {
            if (kind[k] == INDEX || kind[k] == CHUNK) { // the namespace's plain items, once all are counted
                int slot = groups.entry(g, k);
                plainClass[k] = find(classKey(image[Page.entryOffset(slot / N, slot % N)] & 0xFF, PLAIN, 0));
            }
        }
        for (int k = 0; k < size; k++) {
            if (kind[k] != UNKNOWN && isDuplicate(k)) {
                int slot = groups.entry(g, k);
                out.entry(FindingCode.DUPLICATE_KEY, slot / N, slot % N, message(groups, g, k));
            }
        }
        clear();
    }

    private static int kindOf(int code) {
        ItemType type = ToolParse.toolType(code);
        if (type == null) {
            return UNKNOWN;
        }
        return type == ItemType.BLOB_IDX ? INDEX : type == ItemType.BLOB_DATA ? CHUNK : PLAIN;
    }

    /** @return a class key: all known entries of a namespace (kind 0), or its plain items, indexes, chunks of c */
    private static int classKey(int ns, int kind, int chunk) {
        return 1 + (ns << 10 | kind << 8 | (kind == CHUNK ? chunk : 0));
    }

    /**
     * The tool's two filters: the entry shares its namespace with another known entry, and, for a blob index, with
     * another index; for a chunk, with another chunk of the same chunk index.
     */
    private boolean isDuplicate(int k) {
        if (classSize[allClass[k]] < 2) {
            return false;
        }
        return kind[k] == PLAIN || classSize[ownClass[k]] >= 2;
    }

    /**
     * Names the other written entries of the same namespace and key that the device confuses with entry {@code k}:
     * for a plain item every other known entry of the namespace; for a blob index the plain items and the other
     * indexes; for a chunk the plain items and the chunks with its chunk index (the parts of one format-2 blob are
     * not duplicates of each other).
     */
    private String message(KeyGroups groups, int g, int k) {
        int slot = groups.entry(g, k);
        int p = slot / N;
        int i = slot % N;
        int ns = t.nsIndex(p, i);
        int code = t.typeCode(p, i);
        int total;
        int[] merged;
        if (kind[k] == PLAIN) {
            total = classSize[allClass[k]] - 1;
            merged = members(allClass[k], -1);
        } else {
            int plain = plainClass[k];
            total = classSize[ownClass[k]] - 1 + (plain < 0 ? 0 : classSize[plain]);
            merged = members(ownClass[k], plain);
        }
        List<String> others = new ArrayList<>();
        for (int other : merged) {
            if (other == slot) {
                continue;
            }
            if (others.size() == NAMED) {
                break;
            }
            int otherCode = t.typeCode(other / N, other % N);
            String label = ns == 0 && otherCode == ItemType.U8.code() ? "the namespace definition"
                    : Findings.typeLabel(otherCode);
            others.add(label + " at page " + other / N + " entry " + other % N);
        }
        String list = String.join(", ", others);
        if (total > others.size()) {
            list += ", and " + (total - others.size()) + " more";
        }
        String label = ns == 0 ? "namespace definition" : Findings.typeLabel(code);
        String scope = ns == 0 ? "its name with " : "namespace " + ns + " and key with ";
        return label + " shares " + scope + list + "; which copy a device reads depends on page order";
    }

    /** @return the first members of one or two classes, merged in walk order (slots grow in walk order) */
    private int[] members(int a, int b) {
        int na = Math.min(classSize[a], NAMED + 1);
        int nb = b < 0 ? 0 : Math.min(classSize[b], NAMED + 1);
        int[] merged = new int[na + nb];
        int x = 0;
        int y = 0;
        for (int m = 0; m < merged.length; m++) {
            if (y == nb || (x < na && firstMembers[a * (NAMED + 1) + x] < firstMembers[b * (NAMED + 1) + y])) {
                merged[m] = firstMembers[a * (NAMED + 1) + x++];
            } else {
                merged[m] = firstMembers[b * (NAMED + 1) + y++];
            }
        }
        return merged;
    }

    // ---- the class table ----

    /** Adds {@code slot} to the class with that key (created if new) and returns the class id. */
    private int join(int key, int slot) {
        int at = slotOf(key);
        int id;
        if (table[at] == 0) {
            id = classes++;
            if (id == classSize.length) {
                classSize = Arrays.copyOf(classSize, id * 2);
                classSlot = Arrays.copyOf(classSlot, id * 2);
                firstMembers = Arrays.copyOf(firstMembers, id * 2 * (NAMED + 1));
            }
            classSize[id] = 0;
            classSlot[id] = at;
            table[at] = id + 1;
            tableKey[at] = key;
        } else {
            id = table[at] - 1;
        }
        if (classSize[id] <= NAMED) {
            firstMembers[id * (NAMED + 1) + classSize[id]] = slot;
        }
        classSize[id]++;
        return id;
    }

    /** @return the id of the class with that key, or -1 */
    private int find(int key) {
        int at = slotOf(key);
        return table[at] == 0 ? -1 : table[at] - 1;
    }

    private int slotOf(int key) {
        int mask = table.length - 1;
        int h = key * 0x9E37_79B9;
        int at = (h ^ h >>> 16) & mask;
        while (table[at] != 0 && tableKey[at] != key) {
            at = (at + 1) & mask;
        }
        return at;
    }

    /**
     * Makes room for a group: at most two classes per entry, so a table of four slots per entry stays at most half
     * full; and there are at most 256 × 259 class keys, so 2^18 slots always suffice.
     */
    private void ensureCapacity(int size) {
        if (kind.length < size) {
            int n = Integer.highestOneBit(size) * 2;
            kind = new int[n];
            allClass = new int[n];
            ownClass = new int[n];
            plainClass = new int[n];
        }
        if (table.length < 4 * size && table.length < 1 << 18) {
            int n = Math.min(Integer.highestOneBit(4 * size) * 2, 1 << 18);
            table = new int[n];
            tableKey = new int[n];
        }
    }

    /** Empties the table for the next group, touching only the slots this group used. */
    private void clear() {
        for (int id = 0; id < classes; id++) {
            table[classSlot[id]] = 0;
        }
        classes = 0;
    }
}
