package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.csv.CsvOptions;
import io.github.nvs4j.csv.CsvRow;
import io.github.nvs4j.csv.CsvRowConverter;
import io.github.nvs4j.csv.SourceRef;
import io.github.nvs4j.model.NvsData;

/**
 * Turns a device's rows into its {@link NvsData} with the CSV dialect's {@link CsvRowConverter}, so that every
 * value is converted exactly as {@code generate} converts the same row of the per-device CSV: same encodings, same
 * quirks, same errors, {@code file} rows resolved against {@link MfgOptions#baseDirectory()}.
 *
 * <p>A refusal names the device: for a key row the values file, the device's line and the key, plus the column
 * and the config line; for a namespace row the config file and line, plus the device.
 *
 * <p>Two details keep the image equal to what {@code generate} makes of the per-device CSV: a value's carriage
 * returns become line feeds (the generator reads the CSV with universal newlines), and a value with a line that
 * starts with {@code #} is refused (the generator would drop that line as a comment).
 */
final class DeviceConverter {

    private final CsvOptions csvOptions;
    private final String configSource;
    private final String valuesSource;

    DeviceConverter(MfgOptions options, String configSource, String valuesSource) {
        this.csvOptions = new CsvOptions(options.baseDirectory().toAbsolutePath(), options.version());
        this.configSource = configSource;
        this.valuesSource = valuesSource;
    }

    /**
     * @param row the device
     * @return an empty conversion for the device; add its rows in config order
     */
    Rows rows(DeviceRow row) {
        return new Rows(row);
    }

    /** One device's conversion: rows are converted as they are added. Not thread-safe. */
    final class Rows {
        private final DeviceRow row;
        private final CsvRowConverter converter = CsvRowConverter.start(csvOptions);
        private final SourceRef valuesLine;

        private Rows(DeviceRow row) {
            this.row = row;
            this.valuesLine = SourceRef.of(valuesSource, row.line());
        }

        /** Adds a namespace row. */
        void namespace(ConfigRow.Namespace ns) {
            try {
                converter.add(new CsvRow(ns.name(), "namespace", ns.encoding(), "",
                        SourceRef.of(configSource, ns.line())));
            } catch (NvsInputException e) {
                throw new NvsInputException(OutputNames.deviceLabel(row) + " (" + valuesSource + ":" + row.line()
                        + "): " + e.reason(), e.source(), e.line(), e.key(), e);
            }
        }

        /**
         * Adds a key row.
         *
         * @param key the config row
         * @param value the device's value
         * @param column the value's 0-based column in the values file
         */
        void key(ConfigRow.Key key, String value, int column) {
            String read = value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
            if (read.contains("\n#")) {
                throw refused(key, column, "a line of the value starts with '#': nvs_partition_gen.py reads the"
                        + " per-device CSV and drops such a line as a comment, which would change the value and"
                        + " the rows after it; put such text in a file and use a 'file' row", null);
            }
            try {
                converter.add(new CsvRow(key.name(), key.type(), key.encoding(), read, valuesLine));
            } catch (NvsInputException e) {
                throw refused(key, column, e.reason(), e);
            }
        }

        /** @return the device's content */
        NvsData toData() {
            return converter.finish().data();
        }

        private NvsInputException refused(ConfigRow.Key key, int column, String reason, Throwable cause) {
            return new NvsInputException(OutputNames.deviceLabel(row) + ", column " + (column + 1) + " (config "
                    + configSource + ":" + key.line() + "): " + reason, valuesSource, row.line(), key.name(), cause);
        }
    }
}
