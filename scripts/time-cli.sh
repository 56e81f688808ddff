#!/usr/bin/env bash
# Times the nvs command line as a user runs it (whole process, through bin/nvs) on the performance issue's "mixed"
# workload, against the issue's targets: generate 100 keys <= 60 ms, 10,000 keys <= 100 ms, 1,000,000 keys
# <= 1.5 s; dump of the 1 MiB image <= 100 ms. Espressif's Python tools are timed in the same run when available.
#
# Inputs: the JMH suite's workloads (nvs-benchmarks, workload.MixedKeys: key i typed by i % 10 as five integers,
# three strings of 8-32 characters, two hex2bin blobs of 16-96 bytes; one namespace per 500 keys, 254 namespaces
# for a million), written by workload.WorkloadFiles with the partition sizes the suite uses (0x4000, 0x100000,
# 0x4000000). The 1 MiB image is the 10,000-key workload in 0x100000.
#
# Each case runs with hyperfine (Debian: apt-get install -y hyperfine) when installed, otherwise with a timing loop;
# the table shows the median of each case, and the Python tool's median beside ours when it was measured.
#
# Python tools, each a command prefix (word-split); when unset, the PATH is searched:
#   NVS_PY_GEN   nvs_partition_gen.py, e.g. "/usr/bin/python3 /path/to/nvs_partition_gen.py"
#                (PATH: nvs_partition_gen.py, or python3 -m esp_idf_nvs_partition_gen)
#   NVS_PY_TOOL  nvs_tool.py, e.g. "/usr/bin/python3 /path/to/nvs_tool.py" (PATH: nvs_tool.py); timed as
#                "nvs_tool.py IMAGE -d minimal", its closest counterpart of "nvs dump IMAGE", and as
#                "nvs_tool.py IMAGE -i -d none" beside "nvs check IMAGE"
#   NVS_PY_MFG   mfg_gen.py, e.g. "/usr/bin/python3 /path/to/mfg_gen.py" (PATH: mfg_gen.py); timed on the suite's
#                mass-manufacturing input (5 keys per device, one a 1,536-byte certificate) for 10,000 devices,
#                writing into WORKDIR (the machine's disk unless WORKDIR is elsewhere)
# NVS_TIME_RUNS=N multiplies the run counts (default 1).
#
# Usage: scripts/time-cli.sh [WORKDIR]      (default: ${TMPDIR:-/tmp}/nvs-time-cli)
# Builds nvs-cli/target/nvs.jar and nvs-benchmarks/target/benchmarks.jar with mvn when they are missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd -P)
work=${1:-${TMPDIR:-/tmp}/nvs-time-cli}
nvs=$root/bin/nvs
jar=$root/nvs-cli/target/nvs.jar
bench=$root/nvs-benchmarks/target/benchmarks.jar
scale=${NVS_TIME_RUNS:-1}
mkdir -p "$work"
cd "$work"

if [ ! -f "$jar" ]; then
    (cd "$root" && mvn -B -q -DskipTests package -pl nvs-cli -am)
fi
if [ ! -f "$bench" ]; then
    (cd "$root" && mvn -B -q -DskipTests package -pl nvs-benchmarks -am)
fi

# mixed-N.csv, mixed-N.size (the partition size) and mixed-10000.bin; files that exist are kept.
java -cp "$bench" io.github.nvs4j.benchmarks.workload.WorkloadFiles . 100 10000 1000000 --image 10000 --mfg 10000
size() { cat "mixed-$1.size"; }

if [ -n "${NVS_PY_GEN:-}" ]; then
    gen=$NVS_PY_GEN
elif command -v nvs_partition_gen.py > /dev/null 2>&1; then
    gen="nvs_partition_gen.py"
elif command -v python3 > /dev/null 2>&1 && python3 -c 'import esp_idf_nvs_partition_gen' > /dev/null 2>&1; then
    gen="python3 -m esp_idf_nvs_partition_gen"
else
    gen=
fi
if [ -n "${NVS_PY_TOOL:-}" ]; then
    tool=$NVS_PY_TOOL
elif command -v nvs_tool.py > /dev/null 2>&1; then
    tool="nvs_tool.py"
else
    tool=
fi
if [ -n "${NVS_PY_MFG:-}" ]; then
    mfg=$NVS_PY_MFG
elif command -v mfg_gen.py > /dev/null 2>&1; then
    mfg="mfg_gen.py"
else
    mfg=
fi
mfg_args="config.csv values.csv dev 0x6000" # written by WorkloadFiles --mfg 10000

# name|runs|our command|Python command or empty|target (ms) or empty|command run before each run, or empty
cases=(
    "jvm-baseline (java -version, C1, serial GC)|20|java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version||"
    "generate 100 keys|30|$nvs generate mixed-100.csv out-100.bin $(size 100)|${gen:+$gen generate mixed-100.csv py-100.bin $(size 100)}|60"
    "generate 10,000 keys|20|$nvs generate mixed-10000.csv out-10k.bin $(size 10000)|${gen:+$gen generate mixed-10000.csv py-10k.bin $(size 10000)}|100"
    "generate 1,000,000 keys|5|$nvs generate mixed-1000000.csv out-1m.bin $(size 1000000)|${gen:+$gen generate mixed-1000000.csv py-1m.bin $(size 1000000)}|1500"
    "dump 1 MiB image (text)|30|$nvs dump mixed-10000.bin|${tool:+$tool mixed-10000.bin -d minimal}|100"
    "dump 1 MiB image (json)|20|$nvs dump mixed-10000.bin --format json||"
    "dump 1 MiB image (minimal, nvs_tool's listing)|20|$nvs dump mixed-10000.bin --format minimal||"
    "check 1 MiB image|20|$nvs check mixed-10000.bin|${tool:+$tool mixed-10000.bin -i -d none}|"
    "generate 100 keys, plain java -jar|10|java -jar $jar generate mixed-100.csv out-100.bin $(size 100)||"
    "mfg generate 10,000 devices (files)|5|$nvs mfg generate $mfg_args --outdir|${mfg:+$mfg generate $mfg_args --outdir}|1000|fresh-outdir"
)
[ -n "$gen" ] || echo "(nvs_partition_gen.py not found: set NVS_PY_GEN to time it)"
[ -n "$tool" ] || echo "(nvs_tool.py not found: set NVS_PY_TOOL to time it)"
[ -n "$mfg" ] || echo "(mfg_gen.py not found: set NVS_PY_MFG to time it)"

median_ms() { # prints the median of the numbers (ms) on stdin
    sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.1f", v[(NR + 1) / 2]; else printf "%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Mass manufacturing writes 20,000 files a run. Deleting them between runs (hyperfine --prepare) made the next run
# several times slower on ext4 with online discard, whichever tool came next; so every run writes into a folder of
# its own (the command ends in --outdir, a new empty folder is appended), after a sync; the folders go at the end.
time_fresh_dirs() { # time_fresh_dirs RUNS COMMAND: prints the median wall time in ms
    local runs=$1 command=$2 i dir start end
    for i in $(seq 0 "$runs"); do # run 0 is the warm-up
        dir=$(mktemp -d out-run-XXXXXX)
        sync
        start=$(date +%s%N)
        $command "$dir" > /dev/null 2>&1
        end=$(date +%s%N)
        [ "$i" -eq 0 ] || echo $(( (end - start) / 1000 ))
    done | awk '{ printf "%.1f\n", $1 / 1000 }' | median_ms
}

time_median() { # time_median RUNS COMMAND [PREPARE]: prints the median wall time in ms
    local runs=$1 command=$2 prepare=${3:-true}
    if [ "$prepare" = fresh-outdir ]; then
        time_fresh_dirs "$runs" "$command"
        return
    fi
    if command -v hyperfine > /dev/null 2>&1; then
        hyperfine -N --warmup 1 --runs "$runs" --prepare "$prepare" --export-json timing.json "$command" \
            > /dev/null 2>&1 \
            || hyperfine --warmup 1 --runs "$runs" --prepare "$prepare" --export-json timing.json "$command" > /dev/null
        sed -n 's/.*"median": *\([0-9.eE+-]*\).*/\1/p' timing.json | head -n 1 | awk '{ printf "%.1f", $1 * 1000 }'
    else
        sh -c "$prepare; $command" > /dev/null 2>&1 # warm-up
        for _ in $(seq "$runs"); do
            sh -c "$prepare" > /dev/null 2>&1
            start=$(date +%s%N)
            sh -c "$command" > /dev/null 2>&1
            end=$(date +%s%N)
            echo $(( (end - start) / 1000 ))
        done | awk '{ printf "%.1f\n", $1 / 1000 }' | median_ms
    fi
}

printf '\nload average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo '?')"
printf '\n%-48s %5s %12s %12s %10s\n' "case" "runs" "nvs4j (ms)" "Python (ms)" "target"
for entry in "${cases[@]}"; do
    IFS='|' read -r name runs ours python target prepare <<< "$entry"
    runs=$(( runs * scale ))
    ours_ms=$(time_median "$runs" "$ours" "$prepare")
    python_ms=-
    if [ -n "$python" ]; then
        python_ms=$(time_median "$(( runs < 5 ? 1 : runs / 5 ))" "$python" "$prepare")
    fi
    printf '%-48s %5s %12s %12s %10s\n' "$name" "$runs" "$ours_ms" "$python_ms" "${target:+<= $target}"
done
rm -rf out-run-* 2> /dev/null || true
printf '\nMedians of wall time; Python with fewer runs (a fifth, at least one). Machine: %s cores, load average %s\n' \
    "$(nproc 2> /dev/null || echo '?')" "$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo '?')"
