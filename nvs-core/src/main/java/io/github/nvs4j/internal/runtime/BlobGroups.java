package io.github.nvs4j.internal.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The blob indexes and chunks of the storage pass grouped by namespace index and key (the key up to its NUL, at
 * most 15 bytes, which is what the runtime's {@code strncmp(…, 15)} compares). Within a group, indexes keep the
 * order of the runtime's index list and chunks the page order.
 */
final class BlobGroups {

    /** The indexes and chunks of one namespace and key. */
    static final class Group {
        final int id;
        final IntList indexes = new IntList();
        final IntList chunks = new IntList();
        private int[] firstFor;
        private boolean[] claimed;

        Group(int id) {
            this.id = id;
        }

        /**
         * The first index of the list whose version family holds chunk index {@code c}: chunk start 0 owns
         * 0…0x7f, any other start {@code s} owns {@code s}…0xfe ({@code Storage::eraseMismatchedBlobIndexes}).
         *
         * @param start the chunk start of every index, by list position
         * @return the list position of the owner, or -1
         */
        int firstIndexFor(int c, int[] start) {
            if (indexes.size <= 8) {
                for (int k = 0; k < indexes.size; k++) {
                    int i = indexes.get(k);
                    if (c >= start[i] && c < limit(start[i])) {
                        return i;
                    }
                }
                return -1;
            }
            if (firstFor == null) {
                firstFor = new int[256];
                Arrays.fill(firstFor, -1);
                for (int k = indexes.size - 1; k >= 0; k--) {
                    int i = indexes.get(k);
                    Arrays.fill(firstFor, start[i], Math.max(start[i], limit(start[i])), i);
                }
            }
            return firstFor[c];
        }

        private static int limit(int start) {
            return start == 0 ? 0x80 : 0xFF;
        }

        /**
         * @return whether a surviving index has {@code c} in its range {@code [start, start + count)}
         *         ({@code Storage::eraseOrphanDataBlobs})
         */
        boolean claims(int c, int[] start, int[] count, boolean[] alive) {
            if (claimed == null) {
                claimed = new boolean[256];
                for (int k = 0; k < indexes.size; k++) {
                    int i = indexes.get(k);
                    if (alive[i]) {
                        Arrays.fill(claimed, start[i], Math.min(start[i] + count[i], 256), true);
                    }
                }
            }
            return claimed[c];
        }
    }

    private final Map<String, Group> byKey = new HashMap<>();
    private final List<Group> groups = new ArrayList<>();

    private static String id(int ns, byte[] key) {
        return (char) ns + new String(key, 0, PageSet.keyLength(key), StandardCharsets.ISO_8859_1);
    }

    /** @return the group of a namespace and normalised key, created if new */
    Group group(int ns, byte[] key) {
        return byKey.computeIfAbsent(id(ns, key), k -> {
            Group g = new Group(groups.size());
            groups.add(g);
            return g;
        });
    }

    /** @return the group of a namespace and normalised key, or {@code null} */
    Group find(int ns, byte[] key) {
        return byKey.get(id(ns, key));
    }

    Group get(int id) {
        return groups.get(id);
    }
}
