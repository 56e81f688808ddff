package io.github.nvs4j.internal.runtime;

import java.util.Arrays;

/** A growable list of ints (slots, list positions) without boxing. */
final class IntList {

    int size;
    private int[] values;

    IntList() {
        this(8);
    }

    /** @param capacity the initial capacity, at least 1 */
    IntList(int capacity) {
        values = new int[capacity];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int get(int i) {
        return values[i];
    }
}
