package io.github.nvs4j.read;

/** How the partition is mounted, which decides what the runtime may repair at boot (nvs-format.md §7.4, §7.6). */
public enum PartitionMode {
    /** The normal case: boot repairs the image, recovers FREEING pages and needs one free page. */
    READ_WRITE,
    /**
     * A partition flagged {@code readonly} in the partition table: no page-manager pass (§7.4), no free-page
     * requirement, every write fails. A repair whose failure the runtime reports makes the init fail; a repair
     * whose failure it ignores makes the page invisible.
     */
    READ_ONLY
}
