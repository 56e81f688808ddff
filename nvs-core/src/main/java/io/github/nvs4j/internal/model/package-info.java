/**
 * Internal: what nvs-core's own code may do with the model that the public API does not offer. Not exported.
 */
package io.github.nvs4j.internal.model;
