package io.github.nvs4j.csv.internal;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.csv.CsvWarning;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows that write an {@link NvsData} as a generator CSV, worked out by following what the reader will do with
 * them, so that reading the rows back gives the same data in the same order (and so the same image bytes).
 *
 * <ul>
 *   <li>Namespace rows are placed where each namespace was defined ({@link NvsData#namespaceStart(int)}); a
 *       namespace row repeats a name to switch back to it (which the reader does, see {@code docs/differences.md}).</li>
 *   <li>Values are written as {@link CsvValue} says; a string that cannot stay a string is noted in a warning.</li>
 *   <li>The generator's Wi-Fi rule adds keys by itself ({@link WifiKeys}). Items that the reader will add anyway,
 *       with the same value at the same place, are left out (so data made by the generator round-trips exactly).
 *       Items that the rule would add again or with another value cannot be kept: they are left out with a
 *       warning, and keys the rule adds that the data does not have are reported too.</li>
 * </ul>
 */
public final class RowPlan {

    /**
     * One CSV row.
     *
     * @param key       the key or namespace name
     * @param namespace whether this is a namespace row
     * @param value     the encoding and value text (null for namespace rows)
     */
    public record Row(String key, boolean namespace, CsvValue value) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<CsvWarning> warnings = new ArrayList<>();
    private final NvsData data;
    private final List<NvsData.Item> items;
    private final Map<Integer, List<String>> definitionsAt = new HashMap<>();
    private final WifiKeys wifi = new WifiKeys();
    private final Map<String, Set<String>> readBack = new HashMap<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private String current;
    private int regeneratedAt = -2;

    private record Pending(String namespace, WifiKeys.Extra extra, String trigger) {
    }

    private RowPlan(NvsData data) {
        this.data = data;
        this.items = data.items();
        for (int i = 0; i < data.namespaces().size(); i++) {
            definitionsAt.computeIfAbsent(data.namespaceStart(i), k -> new ArrayList<>()).add(data.namespaces().get(i));
        }
    }

    /**
     * Plans the rows for some data.
     *
     * @param data the data
     * @return the plan
     * @throws NvsInputException if a key or namespace name cannot be written in a CSV row, or a value is a float
     */
    public static RowPlan of(NvsData data) {
        RowPlan plan = new RowPlan(data);
        plan.build();
        return plan;
    }

    /** @return the rows after the header, in order */
    public List<Row> rows() {
        return rows;
    }

    /** @return what reading the rows back does not give as in the data */
    public List<CsvWarning> warnings() {
        return warnings;
    }

    private void build() {
        for (int p = 0; p <= items.size(); p++) {
            for (String ns : definitionsAt.getOrDefault(p, List.of())) {
                namespaceRow(ns);
            }
            if (p == items.size()) {
                break;
            }
            NvsData.Item item = items.get(p);
            if (!item.namespace().equals(current)) {
                namespaceRow(item.namespace());
            }
            plan(p, item);
        }
        flushPending();
    }

    private void namespaceRow(String name) {
        flushPending();
        checkWritable(name, "namespace name", name);
        rows.add(new Row(name, true, null));
        readBack.computeIfAbsent(name, k -> new HashSet<>());
        current = name;
    }

    private void plan(int p, NvsData.Item item) {
        String ns = item.namespace();
        String key = item.key();
        if (!pending.isEmpty()) {
            Pending head = pending.peek();
            if (head.namespace().equals(ns) && head.extra().key().equals(key) && head.extra().value()
                    .equals(item.value())) {
                pending.poll();
                return; // the reader adds exactly this item here
            }
            flushPending();
        }
        if (readBack.get(ns).contains(key)) {
            warn(item, "not written: the generator's Wi-Fi rule already sets this key in this namespace when the CSV"
                    + " is read, with its own value");
            return;
        }
        if (key.equals(WifiKeys.AP_PMK_INFO)) {
            if (regeneratedByNext(p, item)) {
                regeneratedAt = p;
                return; // the reader computes exactly this value before the next row
            }
            Optional<String> laterTrigger = laterPmkTrigger(p, ns);
            if (laterTrigger.isPresent()) {
                warn(item, "not written: when the CSV is read, the generator's Wi-Fi rule computes this key in this"
                        + " namespace before key '" + laterTrigger.get() + "', from ap.ssid and ap.passwd");
                return;
            }
        }
        if (WifiKeys.isStaExtra(key) && !wifi.staExtrasWritten()) {
            Optional<NvsData.Item> trigger = firstLater(p, i -> WifiKeys.isStaTrigger(i.key()));
            if (trigger.isPresent() && trigger.get().namespace().equals(ns)) {
                warn(item, "not written: when the CSV is read, the generator's Wi-Fi rule sets this key in this"
                        + " namespace after key '" + trigger.get().key() + "', with its own value");
                return;
            }
        }
        emit(p, item);
    }

    private void emit(int p, NvsData.Item item) {
        String ns = item.namespace();
        checkWritable(item.key(), "key", ns);
        CsvValue value = CsvValue.of(item.value(), ns, item.key());
        value.lossNote().ifPresent(note -> warn(item, note));
        WifiKeys preview = wifi.copy();
        List<WifiKeys.Extra> before = preview.before(item.key(), value.text());
        for (WifiKeys.Extra extra : before) {
            if (readBack.get(ns).contains(extra.key())) {
                warn(item, "not written: when the CSV is read, the generator's Wi-Fi rule would add "
                        + extra.key() + " a second time in this namespace before this key");
                return;
            }
        }
        wifi.before(item.key(), value.text());
        boolean previousSkipped = regeneratedAt == p - 1;
        for (WifiKeys.Extra extra : before) {
            readBack.get(ns).add(extra.key());
            if (!previousSkipped) {
                warnings.add(new CsvWarning(ns, extra.key(), "added when the CSV is read: the generator's Wi-Fi rule"
                        + " computes it before key '" + item.key() + "' from ap.ssid and ap.passwd"));
            }
        }
        rows.add(new Row(item.key(), false, value));
        readBack.get(ns).add(item.key());
        for (WifiKeys.Extra extra : wifi.after(item.key())) {
            readBack.get(ns).add(extra.key());
            pending.add(new Pending(ns, extra, item.key()));
        }
    }

    /** Whether item p is ap.pmk_info and the reader computes the same value right before item p + 1. */
    private boolean regeneratedByNext(int p, NvsData.Item item) {
        if (!item.key().equals(WifiKeys.AP_PMK_INFO) || p + 1 >= items.size()
                || definitionsAt.containsKey(p + 1)) {
            return false;
        }
        NvsData.Item next = items.get(p + 1);
        if (!next.namespace().equals(item.namespace()) || !WifiKeys.isSpecial(next.key()) || isFloat(next.value())) {
            return false;
        }
        List<WifiKeys.Extra> extras = wifi.copy().before(next.key(), rawText(next));
        return extras.size() == 1 && extras.get(0).value().equals(item.value());
    }

    private Optional<String> laterPmkTrigger(int p, String ns) {
        WifiKeys look = wifi.copy();
        for (int q = p + 1; q < items.size(); q++) {
            NvsData.Item later = items.get(q);
            if (!WifiKeys.isSpecial(later.key()) || isFloat(later.value())) {
                continue;
            }
            List<WifiKeys.Extra> extras = look.before(later.key(), rawText(later));
            if (!extras.isEmpty() && later.namespace().equals(ns)) {
                return Optional.of(later.key());
            }
        }
        return Optional.empty();
    }

    private Optional<NvsData.Item> firstLater(int p, java.util.function.Predicate<NvsData.Item> test) {
        for (int q = p + 1; q < items.size(); q++) {
            if (test.test(items.get(q))) {
                return Optional.of(items.get(q));
            }
        }
        return Optional.empty();
    }

    private static boolean isFloat(NvsValue v) {
        return v instanceof NvsValue.F32 || v instanceof NvsValue.F64;
    }

    private static String rawText(NvsData.Item item) {
        return isFloat(item.value()) ? "" : CsvValue.of(item.value(), item.namespace(), item.key()).text();
    }

    private void flushPending() {
        for (Pending p : pending) {
            warnings.add(new CsvWarning(p.namespace(), p.extra().key(), "added when the CSV is read: the generator's"
                    + " Wi-Fi rule sets it after key '" + p.trigger() + "' (value " + p.extra().value() + ")"));
        }
        pending.clear();
    }

    private void warn(NvsData.Item item, String message) {
        warnings.add(new CsvWarning(item.namespace(), item.key(), message));
    }

    private static void checkWritable(String name, String what, String namespace) {
        Optional<String> problem = CsvValue.lineProblem(name, "the " + what);
        if (problem.isPresent()) {
            throw new NvsInputException("cannot be written as a generator CSV row (namespace '" + namespace + "'): "
                    + problem.get(), null, 0, name, null);
        }
    }
}
