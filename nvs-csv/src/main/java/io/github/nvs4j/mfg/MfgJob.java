package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.write.NvsWriter;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A checked mass-manufacturing job: a config file, a values file and the options, ready to build one image per
 * device line. This is {@code mfg_gen.py generate} as a library, in memory:
 *
 * <ul>
 *   <li>{@link #build(DeviceRow)} turns one device line into its {@link DeviceImage} (content, image, per-device
 *       CSV, keys);</li>
 *   <li>{@link #devices()} and {@link #images()} stream over the values file, reading it line by line, so any
 *       number of devices runs in bounded memory;</li>
 *   <li>{@link MfgRunner} writes the files, in parallel.</li>
 * </ul>
 *
 * <p>{@link #open} checks the inputs as {@code mfg_gen.py} does, in its order, and stops at the first problem with an
 * {@link NvsInputException} naming the file, the line and the key or field:
 * <ol>
 *   <li>both file names end in {@code .csv} (config first);</li>
 *   <li>neither file is empty (only blank or whitespace-only lines count as empty);</li>
 *   <li>the {@code --fileid} column exists in the values file's header;</li>
 *   <li>every config row has the fields {@code key,type,encoding} (optionally {@code REPEAT});</li>
 *   <li>every config type and encoding is accepted ({@link MfgConfig});</li>
 *   <li>every config key is a column of the values header, in config order ({@code mfg_gen.py} prints one line per
 *       missing key; here one message lists them all).</li>
 * </ol>
 * Step 7, every device line has exactly as many values as the header has columns, needs the whole values file:
 * {@link #validate()} runs it (with the file-name checks) in one streaming pass, and {@link MfgRunner} runs it
 * before it writes anything. {@link #devices()} and {@link #images()} check each line as they reach it.
 *
 * <p>Line numbers are physical lines of the original files (blank lines count), not lines of {@code mfg_gen.py}'s
 * temporary copies. Blank and whitespace-only lines are skipped in the stream; no temporary file is written.
 *
 * <p>A job is immutable and thread-safe: {@link #build(DeviceRow)} may be called from several threads.
 */
public final class MfgJob {

    private final MfgConfig config;
    private final InputFile values;
    private final MfgOptions options;
    private final CsvRecord header;
    private final ValueColumns columns;
    private final List<String> firstValues;
    private final OutputNames names;
    private final DeviceEncryption encryption;
    private final DeviceConverter converter;

    private MfgJob(MfgConfig config, InputFile values, MfgOptions options, CsvRecord header, ValueColumns columns,
                   List<String> firstValues, OutputNames names, DeviceEncryption encryption) {
        this.config = config;
        this.values = values;
        this.options = options;
        this.header = header;
        this.columns = columns;
        this.firstValues = firstValues;
        this.names = names;
        this.encryption = encryption;
        this.converter = new DeviceConverter(options, config.source(), values.source());
    }

    /**
     * Opens a job: reads the config file and the values file's header, and runs checks 1 to 6 (see the class
     * comment). Reads the key files of {@code --inputkey} / {@code --kp_hmac_inputkey}.
     *
     * @param configFile the config CSV
     * @param valuesFile the master values CSV
     * @param options the run's options
     * @return the job
     * @throws NvsInputException at the first problem, naming the file, line and key
     */
    public static MfgJob open(Path configFile, Path valuesFile, MfgOptions options) {
        Objects.requireNonNull(options, "options");
        InputFile conf = new InputFile(Objects.requireNonNull(configFile, "configFile"), "config");
        InputFile vals = new InputFile(Objects.requireNonNull(valuesFile, "valuesFile"), "values");
        conf.checkExtension();
        vals.checkExtension();
        List<CsvRecord> configRecords = MfgConfig.readRecords(conf);
        if (configRecords.isEmpty()) {
            throw conf.empty();
        }
        CsvRecord header;
        CsvRecord first;
        try (ExcelCsvReader reader = vals.open()) {
            header = reader.next();
            if (header == null) {
                throw vals.empty();
            }
            first = reader.next();
        }
        int fileidColumn = -1;
        if (options.fileid().isPresent()) {
            String fileid = options.fileid().get();
            fileidColumn = header.fields().indexOf(fileid);
            if (fileidColumn < 0) {
                throw new NvsInputException("--fileid '" + fileid + "' is not a column of the values file; its"
                        + " header has: " + String.join(", ", header.fields()), vals.source(), header.line(),
                        fileid, null);
            }
        }
        MfgConfig config = MfgConfig.fromRecords(configRecords, conf.source());
        ValueColumns columns = ValueColumns.map(config, header, vals.source());
        List<String> firstValues = null;
        if (first != null) {
            DeviceRow firstRow = new DeviceRow(1, first.line(), first.fields());
            checkValueCount(firstRow, header, vals.source());
            firstValues = firstRow.values();
        }
        OutputNames names = new OutputNames(options, fileidColumn);
        return new MfgJob(config, vals, options, header, columns, firstValues, names,
                DeviceEncryption.of(options));
    }

    /** @return the config */
    public MfgConfig config() {
        return config;
    }

    /** @return the options */
    public MfgOptions options() {
        return options;
    }

    /** @return the column names of the values file's header */
    public List<String> valuesHeader() {
        return header.fields();
    }

    /** @return the values file name as given, used in messages */
    public String valuesSource() {
        return values.source();
    }

    /**
     * Streams the device lines of the values file, reading it line by line; each line is checked (step 7) when it
     * is reached. Close the stream (try-with-resources) to close the file.
     *
     * @return the device lines, in file order
     * @throws NvsInputException (while streaming) for a line with the wrong number of values or unreadable text
     */
    public Stream<DeviceRow> devices() {
        ExcelCsvReader reader = values.open();
        try {
            reader.next(); // the header, read and checked by open()
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        Iterator<DeviceRow> rows = new Iterator<>() {
            private DeviceRow next;
            private int number;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    CsvRecord r = reader.next();
                    if (r != null) {
                        if (number == Integer.MAX_VALUE) {
                            throw new NvsInputException("too many device lines", values.source(), r.line(), null,
                                    null);
                        }
                        next = new DeviceRow(++number, r.line(), r.fields());
                        checkValueCount(next, header, values.source());
                    }
                }
                return next != null;
            }

            @Override
            public DeviceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                DeviceRow row = next;
                next = null;
                return row;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(reader::close);
    }

    /**
     * Streams every device's image, built one after the other as the values file is read: at any time only the
     * current device is held. Close the stream to close the file.
     *
     * @return the images, in file order
     * @throws NvsInputException (while streaming) at the first device that cannot be built, naming its line
     */
    public Stream<DeviceImage> images() {
        return devices().map(this::build);
    }

    /**
     * Checks the whole values file in one streaming pass: step 7 of {@code mfg_gen.py} (every line has one value per
     * header column) and the file names (a {@code --fileid} value usable in a file name, no two devices with the
     * same name).
     *
     * @return the number of devices
     * @throws NvsInputException at the first problem, naming its line
     */
    public int validate() {
        return validate((row, name) -> { });
    }

    /** {@link #validate()}, reporting every device's base name to {@code perDevice}. */
    int validate(BiConsumer<DeviceRow, String> perDevice) {
        Map<String, Integer> seen = names.namesCanRepeat() ? new HashMap<>() : null;
        int count = 0;
        try (Stream<DeviceRow> rows = devices()) {
            for (Iterator<DeviceRow> it = rows.iterator(); it.hasNext(); ) {
                DeviceRow row = it.next();
                String name = names.baseName(row, effectiveValues(row), values.source());
                if (seen != null) {
                    Integer earlier = seen.putIfAbsent(name, row.line());
                    if (earlier != null) {
                        throw new NvsInputException(OutputNames.deviceLabel(row) + ": its files would be named '"
                                + name + "', like those of the device on line " + earlier + " (--fileid '"
                                + options.fileid().orElseThrow() + "' values must be unique)", values.source(),
                                row.line(), options.fileid().orElseThrow(), null);
                    }
                }
                perDevice.accept(row, name);
                count++;
            }
        }
        return count;
    }

    /**
     * Builds one device: its per-device CSV, its content (each row converted exactly as {@code generate} converts
     * a CSV row), its image and, when the run encrypts, its keys.
     *
     * @param row a device line, from {@link #devices()} or made by the caller (one value per header column)
     * @return the device's image and files, in memory
     * @throws NvsInputException naming the values file, the device's line and the key, for a value the generator
     *                           refuses or content that does not fit the partition
     */
    public DeviceImage build(DeviceRow row) {
        Assembled device = assemble(row);
        NvsData data = device.rows().toData();
        byte[] plain;
        try {
            plain = NvsWriter.write(data, options.size(), options.version());
        } catch (NvsInputException e) {
            throw new NvsInputException(OutputNames.deviceLabel(row) + ": " + e.reason(), values.source(),
                    row.line(), e.key(), e);
        }
        return encryption.finish(row, device.name(), data, plain, device.csv());
    }

    /** @return the per-device CSV of a device, without converting its values */
    byte[] csvOf(DeviceRow row) {
        return assemble(row).csv();
    }

    /** A device's name, per-device CSV and rows, in config order. */
    private record Assembled(String name, byte[] csv, DeviceConverter.Rows rows) {
    }

    private Assembled assemble(DeviceRow row) {
        Objects.requireNonNull(row, "row");
        checkValueCount(row, header, values.source());
        List<String> deviceValues = effectiveValues(row);
        String name = names.baseName(row, deviceValues, values.source());
        DeviceCsv csv = new DeviceCsv();
        DeviceConverter.Rows rows = converter.rows(row);
        int keyIndex = 0;
        for (ConfigRow configRow : config.rows()) {
            if (configRow instanceof ConfigRow.Namespace ns) {
                csv.namespace(ns);
                rows.namespace(ns);
            } else {
                ConfigRow.Key key = (ConfigRow.Key) configRow;
                int column = columns.column(keyIndex++);
                String value = deviceValues.get(column);
                csv.key(key, value);
                rows.key(key, value, column);
            }
        }
        return new Assembled(name, csv.toBytes(), rows);
    }

    /** The device's values after {@code REPEAT}: repeated keys take the first device line's values. */
    private List<String> effectiveValues(DeviceRow row) {
        if (!columns.hasRepeats() || firstValues == null) {
            return row.values();
        }
        return columns.withRepeats(row.values(), firstValues);
    }

    /** Step 7 of {@code mfg_gen.py}'s checks for one device line. */
    private static void checkValueCount(DeviceRow row, CsvRecord header, String source) {
        int n = row.values().size();
        if (n != header.size()) {
            throw new NvsInputException(OutputNames.deviceLabel(row) + ": the number of values (" + n
                    + ") is not equal to the number of keys in the header (" + header.size() + ", line "
                    + header.line() + "); every device line needs one value per column (an empty value is written"
                    + " as nothing between two commas)", source, row.line(), null, null);
        }
    }

    /** @return the output file names */
    OutputNames names() {
        return names;
    }

    @Override
    public String toString() {
        return "MfgJob[" + config.source() + ", " + values.source() + ", " + options + "]";
    }
}
