#!/usr/bin/env bash
# Times the nvs command line as a user runs it (whole process, through bin/nvs), against the start-up targets:
#   generate 100 keys <= 60 ms, 10,000 keys <= 100 ms, 1,000,000 keys <= 1.5 s; dump of a 1 MiB image <= 100 ms.
# Builds its inputs first (mixed u8/i32/u64/string/hex2bin keys, a namespace every 5000 keys), then runs each case
# repeatedly with hyperfine when it is installed (Debian: apt-get install -y hyperfine), otherwise with a timing
# loop, and prints the median of each case. The Python tools are timed too when they are on the PATH
# (nvs_partition_gen.py or the esp_idf_nvs_partition_gen module, nvs_tool.py).
#
# Usage: scripts/time-cli.sh [WORKDIR]      (default: ${TMPDIR:-/tmp}/nvs-time-cli)
# Needs nvs-cli/target/nvs.jar (built here with mvn if missing).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd -P)
work=${1:-${TMPDIR:-/tmp}/nvs-time-cli}
nvs=$root/bin/nvs
jar=$root/nvs-cli/target/nvs.jar
mkdir -p "$work"
cd "$work"

if [ ! -f "$jar" ]; then
    (cd "$root" && mvn -B -q -DskipTests package)
fi

make_csv() { # make_csv N FILE
    awk -v n="$1" 'BEGIN {
        print "key,type,encoding,value"
        for (i = 0; i < n; i++) {
            if (i % 5000 == 0) printf "ns%d,namespace,,\n", i / 5000
            m = i % 5
            if (m == 0) printf "k%d,data,u8,%d\n", i, i % 256
            else if (m == 1) printf "k%d,data,i32,%d\n", i, -i
            else if (m == 2) printf "k%d,data,u64,%d\n", i, i * 1000
            else if (m == 3) printf "k%d,data,string,value-%d\n", i, i
            else printf "k%d,data,hex2bin,deadbeef%08x\n", i, i
        }
    }' > "$2"
}

for n in 100 10000 1000000; do
    [ -f "keys-$n.csv" ] || make_csv "$n" "keys-$n.csv"
done
# The 1 MiB image: the 10,000 keys in a 0x100000 partition.
[ -f image-1mib.bin ] || "$nvs" generate keys-10000.csv image-1mib.bin 0x100000 > /dev/null

# name|runs|command (run with sh -c)
cases=(
    "jvm-baseline (java -version, C1, serial GC)|20|java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -version"
    "generate 100 keys|20|$nvs generate keys-100.csv out-100.bin 0x6000"
    "generate 10,000 keys|10|$nvs generate keys-10000.csv out-10k.bin 0x100000"
    "generate 1,000,000 keys|3|$nvs generate keys-1000000.csv out-1m.bin 0x4000000"
    "dump 1 MiB image (text)|20|$nvs dump image-1mib.bin"
    "dump 1 MiB image (json)|20|$nvs dump image-1mib.bin --format json"
    "check 1 MiB image|10|$nvs check image-1mib.bin"
    "generate 100 keys, plain java -jar|10|java -jar $jar generate keys-100.csv out-100.bin 0x6000"
)
if command -v nvs_partition_gen.py > /dev/null 2>&1; then
    gen="nvs_partition_gen.py"
elif command -v python3 > /dev/null 2>&1 && python3 -c 'import esp_idf_nvs_partition_gen' > /dev/null 2>&1; then
    gen="python3 -m esp_idf_nvs_partition_gen"
else
    gen=
fi
if [ -n "$gen" ]; then
    cases+=("python: generate 100 keys|10|$gen generate keys-100.csv py-100.bin 0x6000"
            "python: generate 10,000 keys|5|$gen generate keys-10000.csv py-10k.bin 0x100000"
            "python: generate 1,000,000 keys|1|$gen generate keys-1000000.csv py-1m.bin 0x4000000")
else
    echo "(Python generator not on the PATH: not timed)"
fi
if command -v nvs_tool.py > /dev/null 2>&1; then
    cases+=("python: nvs_tool.py 1 MiB image (minimal)|5|nvs_tool.py image-1mib.bin -d minimal")
else
    echo "(nvs_tool.py not on the PATH: not timed)"
fi

median_ms() { # prints the median of the numbers (ms) on stdin
    sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.1f", v[(NR + 1) / 2]; else printf "%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

printf '\n%-48s %6s %12s\n' "case" "runs" "median (ms)"
for entry in "${cases[@]}"; do
    name=${entry%%|*}
    rest=${entry#*|}
    runs=${rest%%|*}
    command=${rest#*|}
    if command -v hyperfine > /dev/null 2>&1; then
        hyperfine -N --warmup 1 --runs "$runs" --export-json timing.json "$command" > /dev/null 2>&1 \
            || hyperfine --warmup 1 --runs "$runs" --export-json timing.json "$command" > /dev/null
        median=$(sed -n 's/.*"median": *\([0-9.eE+-]*\).*/\1/p' timing.json | head -n 1 \
            | awk '{ printf "%.1f", $1 * 1000 }')
    else
        sh -c "$command" > /dev/null 2>&1 # warm-up
        median=$(for _ in $(seq "$runs"); do
            start=$(date +%s%N)
            sh -c "$command" > /dev/null 2>&1
            end=$(date +%s%N)
            echo $(( (end - start) / 1000 ))
        done | awk '{ printf "%.1f\n", $1 / 1000 }' | median_ms)
    fi
    printf '%-48s %6s %12s\n' "$name" "$runs" "$median"
done
printf '\nMachine: %s cores, load average %s\n' "$(nproc 2> /dev/null || echo '?')" \
    "$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo '?')"
