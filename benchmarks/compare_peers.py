#!/usr/bin/python3
"""Times orgnet against its peers on the same inputs, in one run, and prints ratios.

    /usr/bin/python3 benchmarks/compare_peers.py                      # every task
    /usr/bin/python3 benchmarks/compare_peers.py --task load
    /usr/bin/python3 benchmarks/compare_peers.py --task centrality --sizes 1000,10000 --repeat 3
    /usr/bin/python3 benchmarks/compare_peers.py --task centrality --modules diffusion

Tasks:
  load        read a people CSV and a ties CSV into a directed graph with the
              people's attributes and each tie's relation and weight. NetworkX and
              igraph get pandas to parse the CSVs (their fastest documented route);
              orgnet does more (validation, strengths, merging, both CSR directions).
  centrality  every measure listed in benchmarks/peers/*.py (TASKS; peers
              NetworkX, igraph and, for betweenness, Boost.Graph), on the
              seeded company graphs of orgnet.generate_company (departments x
              levels, ~25 ties per person) and on email-Eu-core. Converting the
              graph for a peer is not timed (peers' prepare()).

Each time is the best of --repeat samples (NetworkX: of as many as stay
under a second each, at least one); a sample repeats a quick call until 20 ms
have passed and divides, like timeit. ratio = peer time / orgnet time (above
1: orgnet is faster). A peer is skipped above the size its module's LIMITS
allow (pure-Python NetworkX would take hours on the larger graphs).
"""

import argparse
import gc
import importlib
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
PEER_MODULES = ("paths", "spectral", "bottleneck", "persuasion", "structure", "diffusion")


def best_of(repeat, fn, stop_after=float("inf"), min_sample=0.02):
    """Best time per call over `repeat` samples; a peer that times itself
    (returns a peers._common.SelfTimed) reports its own figure instead. A
    sample calls fn until `min_sample` seconds have passed (at least once) and
    divides, as timeit does: a call of a few microseconds is otherwise
    measured with the timer's own overhead and noise in it. Stops early once
    a sample took `stop_after` seconds or more (slow peers run once). The
    garbage collector is off while timing (as in timeit), so a collection
    that earlier work made due does not land in one peer's figure."""
    gc.collect()
    gc.disable()
    try:
        return _best_of(repeat, fn, stop_after, min_sample)
    finally:
        gc.enable()


def _best_of(repeat, fn, stop_after, min_sample):
    best = float("inf")
    for _ in range(repeat):
        calls = 0
        start = time.perf_counter()
        while True:
            result = fn()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_sample or type(result).__name__ == "SelfTimed":
                break
        best = min(best, float(result) if type(result).__name__ == "SelfTimed" else elapsed / calls)
        if best >= stop_after:
            break
    return best


def ratio(peer, mine):
    return f"{peer / mine:9.1f}x" if peer is not None and mine > 0 else f"{'-':>10}"


def seconds(t):
    """A time in 9 characters: seconds from 1 s up, milliseconds below."""
    if t is None:
        return f"{'skipped':>9}"
    return f"{t:8.3f}s" if t >= 1.0 else f"{t * 1e3:7.3f}ms"


def run_load(args, build, orgnet):
    import igraph as ig
    import networkx as nx
    import pandas as pd

    cases = [("email_eu_core (bundled)", ROOT / "data" / "email_eu_core" / "nodes.csv",
              ROOT / "data" / "email_eu_core" / "edges.csv")]
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="orgnet_compare_"))
    for size in args.load_sizes.split(","):
        people, ties = size.split(":")
        out = subprocess.run([str(build / "bin" / "orgnet_make_synthetic_org"), str(workdir / size.replace(":", "_")),
                              people, ties], check=True, capture_output=True, text=True).stdout.split()
        cases.append((f"synthetic {int(people):,} people / {int(ties):,} ties", pathlib.Path(out[0]),
                      pathlib.Path(out[1])))

    def load_orgnet(people, ties):
        return orgnet.load_csv(str(people), str(ties))

    def load_networkx(people, ties):
        nodes = pd.read_csv(people, dtype=str)
        edges = pd.read_csv(ties, dtype={"source": str, "target": str, "relation": str})
        g = nx.from_pandas_edgelist(edges, "source", "target", edge_attr=["relation", "weight"],
                                    create_using=nx.MultiDiGraph)
        g.add_nodes_from(nodes.set_index("id").to_dict("index").items())
        return g

    def load_igraph(people, ties):
        # igraph keeps vertex ids in the "name" attribute: move a name column aside.
        nodes = pd.read_csv(people, dtype=str).rename(columns={"name": "full_name"})
        edges = pd.read_csv(ties, dtype={"source": str, "target": str, "relation": str})
        return ig.Graph.DataFrame(edges, directed=True, vertices=nodes, use_vids=False)

    print(f"\ntask: load people + ties CSV; best of {args.repeat} runs; ratio = peer / orgnet")
    print(f"{'graph':44} {'orgnet':>9} {'networkx':>9} {'igraph':>9} {'nx/orgnet':>10} {'ig/orgnet':>10}")
    for name, people, ties in cases:
        t_org = best_of(args.repeat, lambda: load_orgnet(people, ties))
        t_nx = best_of(args.repeat, lambda: load_networkx(people, ties))
        t_ig = best_of(args.repeat, lambda: load_igraph(people, ties))
        print(f"{name:44} {seconds(t_org)} {seconds(t_nx)} {seconds(t_ig)} {ratio(t_nx, t_org)} {ratio(t_ig, t_org)}")


def run_centrality(args, orgnet):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    names = PEER_MODULES if args.modules == "all" else tuple(args.modules.split(","))
    modules = [importlib.import_module(f"peers.{name}") for name in names]
    importlib.import_module("peers._common").BUILD_DIR = args.build
    graphs = [("email_eu_core", orgnet.load_dataset("email_eu_core"))]
    for size in args.sizes.split(","):
        graphs.append((f"company {int(size):,}", orgnet.generate_company(people=int(size), seed=42,
                                                                          ties_per_person=args.ties_per_person)))

    print(f"\ntask: centrality; best of {args.repeat} runs; ratio = peer / orgnet; threads: orgnet default (all)")
    print(f"{'graph':18} {'measure':34} {'orgnet':>9} {'networkx':>9} {'igraph':>9} {'boost':>9} "
          f"{'nx/orgnet':>10} {'ig/orgnet':>10} {'bgl/orgnet':>10}")
    for graph_name, graph in graphs:
        n = graph.num_vertices
        for module in modules:
            if hasattr(module, "prepare"):
                module.prepare(graph)
            limits = getattr(module, "LIMITS", {})
            for task in module.TASKS:
                name, mine, peers = task[0], task[1], task[2]
                task_limits = limits.get(name, {})
                if n > task_limits.get("orgnet", float("inf")):
                    continue
                t_org = best_of(args.repeat, lambda: mine(graph))
                times = {}
                for peer in ("networkx", "igraph", "boost"):
                    fn = peers.get(peer)
                    allowed = task_limits.get(peer, args.max_networkx if peer == "networkx" else float("inf"))
                    # NetworkX runs again only while it is quick (under a second a run).
                    times[peer] = best_of(args.repeat, lambda: fn(graph),
                                          stop_after=1.0 if peer == "networkx" else float("inf")) \
                        if fn is not None and n <= allowed else None
                print(f"{graph_name:18} {name:34} {seconds(t_org)} {seconds(times['networkx'])} "
                      f"{seconds(times['igraph'])} {seconds(times['boost'])} {ratio(times['networkx'], t_org)} "
                      f"{ratio(times['igraph'], t_org)} {ratio(times['boost'], t_org)}",
                      flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=str(ROOT / "build" / "release"))
    parser.add_argument("--task", choices=["load", "centrality", "all"], default="all")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--load-sizes", default="10000:100000,100000:1000000",
                        help="comma-separated PEOPLE:TIES synthetic CSV sizes for the load task")
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="comma-separated company sizes (people) for the centrality task")
    parser.add_argument("--modules", default="all",
                        help="comma-separated peer modules of benchmarks/peers to run (default: all)")
    parser.add_argument("--ties-per-person", type=float, default=25.0,
                        help="ties per person of the company graphs (generate_company's ties_per_person)")
    parser.add_argument("--max-networkx", type=int, default=10000,
                        help="largest graph (people) NetworkX runs on, unless a task says otherwise")
    args = parser.parse_args()
    build = pathlib.Path(args.build)
    sys.path.insert(0, str(build / "python"))
    import orgnet

    if args.task in ("load", "all"):
        run_load(args, build, orgnet)
    if args.task in ("centrality", "all"):
        run_centrality(args, orgnet)


if __name__ == "__main__":
    main()
