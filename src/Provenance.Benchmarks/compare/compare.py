#!/usr/bin/env python3
"""Times the Python `prov` library and networkx on the jobs Provenance does, on the same generated graph.

For each size the .NET side (`Provenance.Benchmarks compare`) writes the generated graph as PROV-JSON, picks a report
to walk upstream from and the most-cited source to walk downstream from, and times its own jobs in process. This
script then times, on the same file and nodes:

  load       prov.model.ProvDocument.deserialize(format="json")   vs  ProvJson.Import
  serialize  ProvDocument.serialize(format="json")                vs  graph.ToProvJson()
  to graph   prov.graph.prov_to_graph                             (no counterpart: our graph is already one)
  upstream   networkx.descendants(G, report)                      vs  graph.Upstream(report)
  downstream networkx.ancestors(G, source)                        vs  graph.Downstream(source)

and prints a Markdown table with the medians and the ratio (Python time / Provenance time).
Usage: compare.py --benchmarks PATH-TO-Provenance.Benchmarks.dll [--sizes 10000 100000] [--output FILE]
"""

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time


def require_python_libraries():
    try:
        import networkx  # noqa: F401
        import prov  # noqa: F401
    except ImportError as error:
        sys.exit(f"compare.py needs the `prov` and `networkx` packages ({error}); run it with /usr/bin/python3 "
                 "after `apt-get install python3-prov python3-networkx`.")


def median_seconds(job, repetitions, budget):
    """Runs job up to `repetitions` times (at least once, fewer when past `budget` seconds); returns the median and the result."""
    times, result, started = [], None, time.perf_counter()
    for _ in range(repetitions):
        begin = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - begin)
        if time.perf_counter() - started > budget:
            break
    return statistics.median(times), len(times), result


def python_jobs(entry, repetitions, budget):
    import networkx as nx
    import prov.graph
    import prov.model

    path = entry["prov_json"]
    load, n_load, document = median_seconds(
        lambda: prov.model.ProvDocument.deserialize(path, format="json"), repetitions, budget)
    serialize, n_serialize, _ = median_seconds(lambda: document.serialize(format="json"), repetitions, budget)
    to_graph, n_graph, graph = median_seconds(lambda: prov.graph.prov_to_graph(document), repetitions, budget)
    nodes = {str(node.identifier): node for node in graph.nodes}
    report, source = nodes[entry["upstream_node"]], nodes[entry["downstream_node"]]
    upstream, n_up, up = median_seconds(lambda: nx.descendants(graph, report), repetitions, budget)
    downstream, n_down, down = median_seconds(lambda: nx.ancestors(graph, source), repetitions, budget)
    return {
        "load_prov_json": (load, n_load),
        "serialize_prov_json": (serialize, n_serialize),
        "to_graph": (to_graph, n_graph),
        "upstream": (upstream, n_up),
        "downstream": (downstream, n_down),
    }, len(up), len(down)


def seconds(value):
    return f"{value * 1000:.3f} ms" if value < 1 else f"{value:.2f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmarks", required=True, help="path to Provenance.Benchmarks.dll (Release build)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repetitions", type=int, default=3, help="runs per job and side (Python stops early past --budget)")
    parser.add_argument("--budget", type=float, default=120.0, help="seconds after which a Python job stops repeating")
    parser.add_argument("--output", help="also write the table to this file")
    arguments = parser.parse_args()
    require_python_libraries()

    import networkx
    import prov

    command = ["dotnet", arguments.benchmarks, "compare", "--repetitions", str(max(arguments.repetitions, 5))]
    command += [str(size) for size in arguments.sizes]
    ours = [json.loads(line) for line in subprocess.run(command, check=True, capture_output=True, text=True).stdout.splitlines() if line.startswith("{")]

    names = {
        "load_prov_json": "load PROV-JSON",
        "serialize_prov_json": "serialize PROV-JSON",
        "to_graph": "PROV to networkx graph",
        "upstream": "upstream of one report (descendants)",
        "downstream": "downstream of one source (ancestors)",
    }
    lines = [
        f"Python {platform.python_version()}, prov {prov.__version__}, networkx {networkx.__version__}; "
        "medians; ratio = Python time / Provenance time.",
        "",
        "| Citations | Job | prov/networkx | runs | Provenance | runs | Ratio |",
        "|----------:|-----|--------------:|-----:|-----------:|-----:|------:|",
    ]
    for entry in ours:
        theirs, up, down = python_jobs(entry, arguments.repetitions, arguments.budget)
        for job, name in names.items():
            python_time, runs = theirs[job]
            mine = entry["seconds"].get(job)
            ratio = f"{python_time / mine:,.1f}x" if mine else "n/a"
            mine_text = seconds(mine) if mine else "(none needed)"
            mine_runs = entry["repetitions"] if mine else ""
            lines.append(f"| {entry['citations']:,} | {name} | {seconds(python_time)} | {runs} | {mine_text} | {mine_runs} | {ratio} |")
        lines.append(f"| {entry['citations']:,} | (bulk JSON Lines load, for reference) | | | {seconds(entry['seconds']['load_bulk'])} | {entry['repetitions']} | |")
        lines.append(
            f"| {entry['citations']:,} | nodes reached: upstream {up} (networkx, with claims and affiliations) vs "
            f"{entry['upstream_reports']} reports + {entry['upstream_sources']} sources; downstream {down} vs "
            f"{entry['downstream_reports']} reports + {entry['downstream_sources']} sources | | | | | |")
    table = "\n".join(lines) + "\n"
    print(table, end="")
    if arguments.output:
        with open(arguments.output, "w", encoding="utf-8", newline="\n") as output:
            output.write(table)


if __name__ == "__main__":
    main()
