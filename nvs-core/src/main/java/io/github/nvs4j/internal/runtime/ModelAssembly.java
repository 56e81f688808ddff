package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.model.NvsData;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
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
        List<ViewRow> items = latest(outcome.entries(), outcome.unlisted());
        items.sort(Comparator.comparingLong(ViewRow::position));
        List<BootOutcome.LoadedNamespace> namespaces = outcome.namespaces();
        NvsData.Builder builder = NvsData.builder();
        int next = 0;
        for (ViewRow row : items) {
            while (next < namespaces.size() && namespaces.get(next).position() < row.position()) {
                define(builder, namespaces.get(next++));
            }
            try {
                builder.put(text(row.namespace(), row), text(row.key(), row), row.value());
            } catch (NvsInputException e) {
                throw new NvsFormatException(e.getMessage(), Page.entryOffset(row.page(), row.entry()), row.page(),
                        row.entry());
            }
        }
        while (next < namespaces.size()) {
            define(builder, namespaces.get(next++));
        }
        return builder.build();
    }

    /**
     * Merges the two lists (each sorted by namespace and key) and keeps, for every namespace and key pair, the row
     * latest in the page log.
     */
    private static List<ViewRow> latest(List<ViewRow> a, List<ViewRow> b) {
        List<ViewRow> merged = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            ViewRow next;
            if (j == b.size() || (i < a.size() && byKey(a.get(i), b.get(j)) <= 0)) {
                next = a.get(i++);
            } else {
                next = b.get(j++);
            }
            int last = merged.size() - 1;
            if (last >= 0 && ViewRow.sameKey(merged.get(last), next)) {
                if (next.position() > merged.get(last).position()) {
                    merged.set(last, next);
                }
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    private static int byKey(ViewRow a, ViewRow b) {
        int c = ViewRow.compareBytes(a.namespace(), b.namespace());
        return c != 0 ? c : ViewRow.compareBytes(a.key(), b.key());
    }

    private static void define(NvsData.Builder builder, BootOutcome.LoadedNamespace ns) {
        long offset = Page.entryOffset(ns.page(), ns.entry());
        try {
            builder.namespace(utf8(ns.name(), offset, ns.page(), ns.entry()));
        } catch (NvsInputException e) {
            throw new NvsFormatException(e.getMessage(), offset, ns.page(), ns.entry());
        }
    }

    private static String text(byte[] bytes, ViewRow row) {
        return utf8(bytes, Page.entryOffset(row.page(), row.entry()), row.page(), row.entry());
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
