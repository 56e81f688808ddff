/**
 * Mass manufacturing: one NVS image per device from a config CSV and a values CSV, as ESP-IDF's
 * {@code tools/mass_mfg/mfg_gen.py generate} does, in-process, streaming and in parallel.
 *
 * <ul>
 *   <li>{@link io.github.nvs4j.mfg.MfgOptions}: the arguments of {@code mfg_gen.py generate}, one builder method
 *       each ({@code --prefix_num}, {@code --fileid}, {@code --version}, {@code --keygen}, {@code --inputkey},
 *       {@code --outdir}, the HMAC options) plus {@code --threads};</li>
 *   <li>{@link io.github.nvs4j.mfg.MfgJob}: the checked inputs; one device line to its
 *       {@link io.github.nvs4j.mfg.DeviceImage} in memory, or a stream over all devices that reads the values file
 *       line by line;</li>
 *   <li>{@link io.github.nvs4j.mfg.MfgRunner}: writes {@code OUTDIR/bin/}, {@code OUTDIR/csv/} and
 *       {@code OUTDIR/keys/} with {@code mfg_gen.py}'s file names, in parallel, reporting to a
 *       {@link io.github.nvs4j.mfg.MfgProgress};</li>
 *   <li>{@link io.github.nvs4j.mfg.MfgConfig}, {@link io.github.nvs4j.mfg.ConfigRow},
 *       {@link io.github.nvs4j.mfg.DeviceRow}: the inputs.</li>
 * </ul>
 *
 * Images and per-device CSVs are byte-identical to {@code mfg_gen.py}'s; each per-device row is converted by the
 * CSV dialect's {@link io.github.nvs4j.csv.CsvRowConverter} exactly as {@code generate} converts it. Where nvs4j
 * deliberately differs from {@code mfg_gen.py} (it accepts {@code i16}, writes no temporary input copies, refuses
 * option combinations that lose keys, never overwrites files, …) is listed in {@code docs/mfg-differences.md}.
 *
 * <pre>{@code
 * MfgOptions options = MfgOptions.builder("device", 0x6000).outdir(Path.of("out")).keygen(true).build();
 * MfgResult result = MfgRunner.run(Path.of("config.csv"), Path.of("values.csv"), options,
 *         (files, done, total) -> System.out.printf("%d/%d %s%n", done, total, files.bin()));
 * }</pre>
 */
package io.github.nvs4j.mfg;
