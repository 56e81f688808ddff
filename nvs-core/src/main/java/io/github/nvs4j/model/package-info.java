/** The content of an NVS partition: {@link io.github.nvs4j.model.NvsData} and {@link io.github.nvs4j.model.NvsValue}. */
package io.github.nvs4j.model;
