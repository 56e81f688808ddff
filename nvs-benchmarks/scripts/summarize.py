#!/usr/bin/env python3
"""Prints a Markdown table from a JMH JSON result file (-rf json): the median (p50) of SampleTime benchmarks or the
score of throughput ones, the bytes allocated per operation (-prof gc), the ratio to FloorBenchmark for the same
workload, and the allocation as a multiple of the workload's image size."""
import json
import sys

IMAGE_BYTES = {"mixed-100": 16 << 10, "mixed-1000": 128 << 10, "mixed-10000": 1 << 20,
               "mixed-1000000": 64 << 20, "blob-500000": 512 << 10}


def fmt(v):
    return f"{v:,.1f}" if v < 100 else f"{v:,.0f}"


def main(path):
    rows = json.load(open(path))
    floor = {}
    for r in rows:
        if r["benchmark"].endswith("FloorBenchmark.crcPerEntryAndCopy"):
            floor[r["params"]["workload"]] = r["primaryMetric"]["scorePercentiles"]["50.0"]
    print("| Benchmark | Params | Median / score | Unit | × floor | Alloc B/op | Alloc × image | Devices/s |")
    print("|---|---|---:|---|---:|---:|---:|---:|")
    for r in rows:
        bench = ".".join(r["benchmark"].split(".")[-2:])
        params = r.get("params") or {}
        pm = r["primaryMetric"]
        sample = r["mode"] == "sample"
        score = pm["scorePercentiles"]["50.0"] if sample else pm["score"]
        sec = r.get("secondaryMetrics", {})
        alloc = sec.get("gc.alloc.rate.norm", {}).get("score")
        workload = params.get("workload")
        ratio = f"{score / floor[workload]:.1f}" if sample and workload in floor else ""
        times_image = f"{alloc / IMAGE_BYTES[workload]:.2f}" if alloc is not None and workload in IMAGE_BYTES else ""
        devices = fmt(sec["devices"]["score"]) if "devices" in sec else ""
        print(f"| {bench} | {','.join(f'{k}={v}' for k, v in params.items())} | {fmt(score)} | {pm['scoreUnit']} "
              f"| {ratio} | {'' if alloc is None else f'{alloc:,.0f}'} | {times_image} | {devices} |")


if __name__ == "__main__":
    main(sys.argv[1])
