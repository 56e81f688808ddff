/**
 * Test support shared by every module's tests: locating the recorded ground truth ({@link
 * io.github.nvs4j.testing.TestData}) and reading its JSON files ({@link io.github.nvs4j.testing.Json}).
 * Published as nvs-core's {@code test-jar}; nvs-csv and nvs-cli depend on it with test scope.
 */
package io.github.nvs4j.testing;
