/** Mass manufacturing: one NVS image per device from a config CSV and a values CSV, as {@code mfg_gen.py} does. */
package io.github.nvs4j.mfg;
