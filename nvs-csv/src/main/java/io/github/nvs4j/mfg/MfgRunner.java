package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsException;
import io.github.nvs4j.NvsInputException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs {@code mfg_gen.py generate} in-process: checks the inputs, then builds every device's image and writes
 * {@code OUTDIR/bin/NAME.bin}, {@code OUTDIR/csv/NAME.csv} and, with {@code --keygen}, {@code OUTDIR/keys/…}, with
 * {@code mfg_gen.py}'s file names.
 *
 * <ol>
 *   <li>Checks, before anything is written: {@link MfgJob#open} (steps 1 to 6 of {@code mfg_gen.py}), then one
 *       streaming pass over the values file ({@link MfgJob#validate()}: step 7, file names, no two devices with the
 *       same name) that also refuses devices whose target files exist already ({@code mfg_gen.py} notices those
 *       only when it reaches the device, after writing the devices before it).</li>
 *   <li>Creates {@code bin/}, {@code csv/} (and {@code keys/}) and calls {@link MfgProgress#started(int)}.</li>
 *   <li>Reads the values file again, line by line, and hands the devices to {@code threads} workers through a
 *       bounded hand-over: at most {@code 2 × threads} devices are in memory at any time, whatever the number of
 *       devices. Each worker builds a device ({@link MfgJob#build}), writes its files (each to a temporary file in
 *       the target folder, then moved to its name; see {@link DeviceFiles}) and reports it to the
 *       {@link MfgProgress}.</li>
 *   <li>When a device fails, no further device is started; the devices already started finish. The run then
 *       throws the failure of the first failing device in file order, naming its values line. As with
 *       {@code mfg_gen.py}, the devices before it have been written; some after it may have been written too when
 *       several threads run. A failing device leaves none of its files behind, and no temporary file remains.</li>
 * </ol>
 */
public final class MfgRunner {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private MfgRunner() {
    }

    /**
     * Opens the job and runs it.
     *
     * @param configFile the config CSV ({@code CONF})
     * @param valuesFile the master values CSV ({@code VALUES})
     * @param options the other arguments
     * @param progress receives progress; {@link MfgProgress#NONE} to ignore it
     * @return the summary
     * @throws NvsInputException for the first problem found, naming its file, line and key
     */
    public static MfgResult run(Path configFile, Path valuesFile, MfgOptions options, MfgProgress progress) {
        long start = System.nanoTime();
        return run(MfgJob.open(configFile, valuesFile, options), progress, start);
    }

    /**
     * Runs an opened job.
     *
     * @param job the job
     * @param progress receives progress; {@link MfgProgress#NONE} to ignore it
     * @return the summary
     * @throws NvsInputException for the first problem found, naming its file, line and key
     */
    public static MfgResult run(MfgJob job, MfgProgress progress) {
        return run(job, progress, System.nanoTime());
    }

    private static MfgResult run(MfgJob job, MfgProgress progress, long start) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(progress, "progress");
        MfgOptions options = job.options();
        OutputFolder folder = new OutputFolder(options.outdir(), job.names());
        boolean keys = options.keygen();
        boolean hmacKeys = options.keygen() && options.kpHmacKeygen();
        boolean checkTargets = folder.mayHoldTargets(keys);
        int total = job.validate((row, name) -> {
            if (checkTargets) {
                folder.checkFree(row, name, keys, hmacKeys, job.valuesSource());
            }
        });
        if (options.kpHmacKeyfile().isPresent() && total > 1) {
            throw new NvsInputException("--kp_hmac_keyfile names one file, but the values file has " + total
                    + " devices and --kp_hmac_keygen makes a new HMAC key for each (mfg_gen.py overwrites the file"
                    + " for every device, so only the last key would survive); leave --kp_hmac_keyfile out to get"
                    + " keys/hmac-keys-NAME.bin per device", job.valuesSource(), 0, null, null);
        }
        folder.createFolders(keys);
        progress.started(total);
        execute(job, progress, total, image -> folder.write(image, job.valuesSource()));
        return new MfgResult(total, options.outdir(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Where the workers put a finished device: the output folder, or (in tests) anything else. */
    @FunctionalInterface
    interface DeviceWriter {
        /**
         * @param image a built device
         * @return its files
         */
        DeviceFiles write(DeviceImage image);
    }

    /**
     * Builds and writes every device of a checked job with the job's number of threads and the bounded hand-over.
     *
     * @param total the number of devices, from {@link MfgJob#validate()}
     */
    static void execute(MfgJob job, MfgProgress progress, int total, DeviceWriter writer) {
        new Run(job, writer, progress, total).execute();
    }

    /** One execution: the hand-over from the reading thread to the workers, and the first failure. */
    private static final class Run {
        private final MfgJob job;
        private final DeviceWriter writer;
        private final MfgProgress progress;
        private final int total;
        private final int threads;
        private final Semaphore inFlight;
        private final Object progressLock = new Object();
        private final Object failureLock = new Object();
        private int done;
        private volatile boolean failed;
        private int failedDevice = Integer.MAX_VALUE;
        private Throwable failure;

        Run(MfgJob job, DeviceWriter writer, MfgProgress progress, int total) {
            this.job = job;
            this.writer = writer;
            this.progress = progress;
            this.total = total;
            this.threads = job.options().threads();
            this.inFlight = new Semaphore(2 * threads);
        }

        void execute() {
            ExecutorService workers = Executors.newFixedThreadPool(threads, workerThreads());
            try (Stream<DeviceRow> rows = job.devices()) {
                for (Iterator<DeviceRow> it = rows.iterator(); !failed && it.hasNext(); ) {
                    DeviceRow row = it.next();
                    inFlight.acquire();
                    if (failed) {
                        inFlight.release();
                        break;
                    }
                    workers.execute(() -> device(row));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(Integer.MAX_VALUE, new NvsInputException("the run was interrupted; devices already started"
                        + " were finished", job.valuesSource(), 0, null, e));
            } catch (RuntimeException | Error e) {
                fail(Integer.MAX_VALUE, e); // reading the values file failed
            } finally {
                workers.shutdown();
                awaitQuietly(workers);
            }
            if (failure != null) {
                throw rethrowable(failure);
            }
        }

        private void device(DeviceRow row) {
            try {
                if (failed && row.number() > failedDevice()) {
                    return;
                }
                DeviceFiles files = writer.write(job.build(row));
                synchronized (progressLock) {
                    progress.deviceWritten(files, ++done, total);
                }
            } catch (RuntimeException | Error e) {
                fail(row.number(), e);
            } finally {
                inFlight.release();
            }
        }

        private void fail(int deviceNumber, Throwable e) {
            synchronized (failureLock) {
                if (failure == null || deviceNumber < failedDevice) {
                    if (failure != null && failure != e) {
                        e.addSuppressed(failure);
                    }
                    failure = e;
                    failedDevice = deviceNumber;
                } else if (failure != e) {
                    failure.addSuppressed(e);
                }
                failed = true;
            }
        }

        private int failedDevice() {
            synchronized (failureLock) {
                return failedDevice;
            }
        }

        private static void awaitQuietly(ExecutorService workers) {
            boolean interrupted = false;
            while (true) {
                try {
                    if (workers.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // finish the devices already started, then report the interruption
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private static RuntimeException rethrowable(Throwable t) {
            if (t instanceof NvsException e) {
                return e;
            }
            if (t instanceof java.io.UncheckedIOException e) {
                return new NvsInputException("cannot read or write a file: " + e.getCause(), null, 0, null, e);
            }
            if (t instanceof RuntimeException e) {
                return e;
            }
            throw (Error) t;
        }

        private static ThreadFactory workerThreads() {
            int run = RUNS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            return task -> {
                Thread t = new Thread(task, "nvs4j-mfg-" + run + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }
    }
}
