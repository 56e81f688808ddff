package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where each config key finds its value in a values file: step 6 of {@code mfg_gen.py}'s checks (every config key
 * is a column of the values file's header, in config order; other columns are metadata), and the {@code REPEAT}
 * rule (a repeated key takes the value of the first device line).
 */
final class ValueColumns {

    private final int[] keyColumns;
    private final int[] repeatColumns;

    private ValueColumns(int[] keyColumns, int[] repeatColumns) {
        this.keyColumns = keyColumns;
        this.repeatColumns = repeatColumns;
    }

    /**
     * Maps the config keys to header columns exactly as {@code mfg_gen.py} checks them: the header columns whose
     * names are config keys, in header order, must begin with the config keys in config order.
     *
     * @param config the config
     * @param header the values file's first record
     * @param valuesSource the values file name, for messages
     * @return the mapping
     * @throws NvsInputException listing every config key that is missing or out of order
     */
    static ValueColumns map(MfgConfig config, CsvRecord header, String valuesSource) {
        List<ConfigRow.Key> keys = config.keys();
        Set<String> keyNames = new HashSet<>();
        keys.forEach(k -> keyNames.add(k.name()));
        Deque<Integer> candidates = new ArrayDeque<>();
        for (int c = 0; c < header.size(); c++) {
            if (keyNames.contains(header.field(c))) {
                candidates.add(c);
            }
        }
        int[] columns = new int[keys.size()];
        List<ConfigRow.Key> missing = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            ConfigRow.Key key = keys.get(i);
            if (!candidates.isEmpty() && header.field(candidates.peekFirst()).equals(key.name())) {
                columns[i] = candidates.removeFirst();
            } else {
                columns[i] = -1;
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw missingKeys(config, missing, header, valuesSource);
        }
        int[] repeats = new int[keys.size()];
        int n = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).repeat()) {
                repeats[n++] = columns[i];
            }
        }
        return new ValueColumns(columns, Arrays.copyOf(repeats, n));
    }

    private static NvsInputException missingKeys(MfgConfig config, List<ConfigRow.Key> missing, CsvRecord header,
                                                 String valuesSource) {
        ConfigRow.Key first = missing.get(0);
        StringBuilder reason = new StringBuilder();
        if (missing.size() == 1) {
            reason.append("this key is not found in the header of ").append(valuesSource);
        } else {
            reason.append(missing.size()).append(" config keys are not found in the header of ").append(valuesSource)
                    .append(": ");
            for (int i = 0; i < missing.size(); i++) {
                ConfigRow.Key k = missing.get(i);
                reason.append(i == 0 ? "" : ", ").append('\'').append(k.name()).append("' (line ").append(k.line())
                        .append(')');
            }
        }
        if (missing.stream().anyMatch(k -> header.fields().contains(k.name()))) {
            reason.append(" (some are there, but not in the config's order)");
        }
        reason.append("; line ").append(header.line()).append(" of ").append(valuesSource)
                .append(" must name every config key, in config order (other columns are allowed)");
        return new NvsInputException(reason.toString(), config.source(), first.line(), first.name(), null);
    }

    /**
     * @param keyIndex the index of a key row in {@link MfgConfig#keys()}
     * @return its column in the values file
     */
    int column(int keyIndex) {
        return keyColumns[keyIndex];
    }

    /** @return whether some key is marked {@code REPEAT} */
    boolean hasRepeats() {
        return repeatColumns.length > 0;
    }

    /**
     * Applies {@code REPEAT}: the repeated keys' columns take the first device line's values.
     *
     * @param values a device's values (as many as the header has columns)
     * @param first the first device line's values
     * @return the values to use
     */
    List<String> withRepeats(List<String> values, List<String> first) {
        if (repeatColumns.length == 0 || values == first) {
            return values;
        }
        String[] copy = values.toArray(new String[0]);
        for (int column : repeatColumns) {
            copy[column] = first.get(column);
        }
        return Arrays.asList(copy);
    }
}
