#!/usr/bin/env python3
"""Prints a Markdown table from a JMH JSON result file: median (p50) or throughput, and bytes allocated per op."""
import json
import sys


def fmt(v):
    return f"{v:,.1f}" if v < 100 else f"{v:,.0f}"


def main(path):
    rows = json.load(open(path))
    print("| Benchmark | Params | Median / score | Unit | Alloc B/op | Extra |")
    print("|---|---|---:|---|---:|---|")
    for r in rows:
        name = r["benchmark"].split(".")
        bench = ".".join(name[-2:])
        params = ",".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
        pm = r["primaryMetric"]
        if r["mode"] == "sample":
            score = pm["scorePercentiles"]["50.0"]
        else:
            score = pm["score"]
        sec = r.get("secondaryMetrics", {})
        alloc = sec.get("gc.alloc.rate.norm", {}).get("score")
        extra = []
        for k, v in sec.items():
            if not k.startswith(("gc.", "·", "p0.", "p1.")):
                extra.append(f"{k}={fmt(v['score'])} {v['scoreUnit']}")
        print(f"| {bench} | {params} | {fmt(score)} | {pm['scoreUnit']} | "
              f"{'' if alloc is None else f'{alloc:,.0f}'} | {'; '.join(extra)} |")


if __name__ == "__main__":
    main(sys.argv[1])
