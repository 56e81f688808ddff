package io.github.nvs4j.read;

/**
 * What {@code nvs_get_stats} reports right after boot (nvs-format.md §7.9), before any value is read.
 *
 * @param usedEntries WRITTEN entries on the pages in use
 * @param freeEntries every other entry, including those of free and corrupt pages
 * @param availableEntries {@code freeEntries} minus the 126 entries of the spare page (never negative)
 * @param totalEntries 126 per page
 * @param namespaceCount namespace entries loaded, including namespaces without keys and names loaded twice
 */
public record Stats(int usedEntries, int freeEntries, int availableEntries, int totalEntries, int namespaceCount) {
}
