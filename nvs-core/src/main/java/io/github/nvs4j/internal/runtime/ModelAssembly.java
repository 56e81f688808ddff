package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.model.NvsData;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Turns what the device sees into the model, in page-log order: namespace definitions and items sorted by where
 * they stand in the log (pages by sequence number, entries by index). An item's place is that of the entry the
 * device lists it by (a format-2 blob by its first chunk). When a namespace and key pair is readable more than once
 * (two types of one key, or a borrowed namespace name) the model keeps the copy latest in the log.
 */
public final class ModelAssembly {

    private ModelAssembly() {
    }

    /**
     * @param outcome what the runtime found
     * @return the readable key set as a model; empty when the init failed
     * @throws NvsFormatException when a name or key is not valid UTF-8, or the namespaces are more than the model
     *                             holds
     */
    public static NvsData toModel(BootOutcome outcome) {
        if (outcome.init() != Esp.OK) {
            return NvsData.empty();
        }
        ViewRows listed = outcome.listed();
        ViewRows unlisted = outcome.unlisted();
        long[] items = latest(listed, listed.readable(), unlisted, unlisted.readable());
        // In page-log order. Positions are distinct (each row stands for its own entry) and below 2^31 (a 2 GiB
        // image has 66 million entries), so position and row reference sort as one long.
        for (int i = 0; i < items.length; i++) {
            items[i] |= rows(items[i], listed, unlisted).position(row(items[i])) << 32;
        }
        Arrays.sort(items);
        List<BootOutcome.LoadedNamespace> namespaces = outcome.namespaces();
        NvsData.Builder builder = NvsData.builder();
        int next = 0;
        for (long ref : items) {
            ViewRows rows = rows(ref, listed, unlisted);
            int r = row(ref);
            long position = rows.position(r);
            while (next < namespaces.size() && namespaces.get(next).position() < position) {
                define(builder, namespaces.get(next++));
            }
            int page = rows.page(r);
            int entry = rows.entry(r);
            long offset = Page.entryOffset(page, entry);
            try {
                builder.put(utf8(rows.namespace(r), offset, page, entry), utf8(rows.key(r), offset, page, entry),
                        rows.value(r));
            } catch (NvsInputException e) {
                throw new NvsFormatException(e.getMessage(), offset, page, entry);
            }
        }
        while (next < namespaces.size()) {
            define(builder, namespaces.get(next++));
        }
        return builder.build();
    }

    /** A row of either table in the low 32 bits of a long: bit 31 tells the table (set: the unlisted one). */
    private static long ref(boolean fromUnlisted, int row) {
        return (fromUnlisted ? 1L << 31 : 0) | row;
    }

    private static ViewRows rows(long ref, ViewRows listed, ViewRows unlisted) {
        return (ref & (1L << 31)) != 0 ? unlisted : listed;
    }

    private static int row(long ref) {
        return (int) ref & 0x7FFF_FFFF;
    }

    /**
     * Merges the two row orders (each sorted by namespace and key) and keeps, for every namespace and key pair, the
     * row latest in the page log.
     */
    private static long[] latest(ViewRows a, int[] aOrder, ViewRows b, int[] bOrder) {
        long[] merged = new long[aOrder.length + bOrder.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < aOrder.length || j < bOrder.length) {
            long next;
            if (j == bOrder.length || (i < aOrder.length && a.compareKey(aOrder[i], b, bOrder[j]) <= 0)) {
                next = ref(false, aOrder[i++]);
            } else {
                next = ref(true, bOrder[j++]);
            }
            if (n > 0) {
                long last = merged[n - 1];
                ViewRows lastRows = rows(last, a, b);
                ViewRows nextRows = rows(next, a, b);
                if (lastRows.compareKey(row(last), nextRows, row(next)) == 0) {
                    if (nextRows.position(row(next)) > lastRows.position(row(last))) {
                        merged[n - 1] = next;
                    }
                    continue;
                }
            }
            merged[n++] = next;
        }
        return Arrays.copyOf(merged, n);
    }

    private static void define(NvsData.Builder builder, BootOutcome.LoadedNamespace ns) {
        long offset = Page.entryOffset(ns.page(), ns.entry());
        try {
            builder.namespace(utf8(ns.name(), offset, ns.page(), ns.entry()));
        } catch (NvsInputException e) {
            throw new NvsFormatException(e.getMessage(), offset, ns.page(), ns.entry());
        }
    }

    static String utf8(byte[] bytes, long offset, int page, int entry) {
        boolean ascii = true;
        for (byte x : bytes) {
            ascii &= x >= 0;
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NvsFormatException("name or key bytes " + java.util.HexFormat.of().formatHex(bytes)
                    + " are not valid UTF-8; the model holds names and keys as text", offset, page, entry);
        }
    }
}
