package io.github.nvs4j.mfg;

import io.github.nvs4j.model.NvsData;

/**
 * Turns a device's rows into its {@link NvsData} through the CSV dialect's row converter, so that every value is
 * converted exactly as {@code generate} converts a CSV row. PLACEHOLDER until the row converter lands.
 */
final class DeviceConverter {

    private final MfgOptions options;
    private final String valuesSource;

    DeviceConverter(MfgOptions options, String valuesSource) {
        this.options = options;
        this.valuesSource = valuesSource;
    }

    Rows rows(DeviceRow row) {
        return new Rows(row);
    }

    /** One device's rows, collected in config order. */
    final class Rows {
        private final DeviceRow row;

        private Rows(DeviceRow row) {
            this.row = row;
        }

        void namespace(ConfigRow.Namespace ns) {
        }

        void key(ConfigRow.Key key, String value, int column) {
        }

        NvsData toData() {
            throw new UnsupportedOperationException("row converter not merged yet: " + options + valuesSource + row);
        }
    }
}
