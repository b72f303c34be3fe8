#!/usr/bin/python3
"""Times orgnet against NetworkX and igraph on the same inputs, in one run.

    /usr/bin/python3 benchmarks/compare_peers.py [--build build/release] [--repeat 3]

Task "load": read a people CSV and a ties CSV into a directed graph with the
people's attributes and the ties' relation and weight. orgnet does more (it
validates every field and builds the influence graph: directions, strengths,
noisy-or merging, both CSR directions); the peers get pandas to parse the CSVs,
which is their fastest documented route. Reports the best of --repeat runs and
the ratio peer time / orgnet time (above 1: orgnet is faster).
"""

import argparse
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def best_of(repeat, fn):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=str(ROOT / "build" / "release"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="10000:100000,100000:1000000",
                        help="comma-separated PEOPLE:TIES synthetic sizes")
    args = parser.parse_args()
    build = pathlib.Path(args.build)
    sys.path.insert(0, str(build / "python"))

    import igraph as ig
    import networkx as nx
    import pandas as pd

    import orgnet

    cases = [("email_eu_core (bundled)", ROOT / "data" / "email_eu_core" / "nodes.csv",
              ROOT / "data" / "email_eu_core" / "edges.csv")]
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="orgnet_compare_"))
    for size in args.sizes.split(","):
        people, ties = size.split(":")
        out = subprocess.run([str(build / "bin" / "orgnet_make_synthetic_org"), str(workdir / size.replace(":", "_")),
                              people, ties], check=True, capture_output=True, text=True).stdout.split()
        cases.append((f"synthetic {int(people):,} people / {int(ties):,} ties", pathlib.Path(out[0]),
                      pathlib.Path(out[1])))

    def load_orgnet(people, ties):
        return orgnet.load_csv(str(people), str(ties), create_missing=False)

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

    print(f"task: load people + ties CSV; best of {args.repeat} runs; ratio = peer / orgnet")
    print(f"{'graph':42} {'orgnet':>9} {'networkx':>9} {'igraph':>9} {'nx/orgnet':>10} {'ig/orgnet':>10}")
    for name, people, ties in cases:
        t_org = best_of(args.repeat, lambda: load_orgnet(people, ties))
        t_nx = best_of(args.repeat, lambda: load_networkx(people, ties))
        t_ig = best_of(args.repeat, lambda: load_igraph(people, ties))
        print(f"{name:42} {t_org:8.3f}s {t_nx:8.3f}s {t_ig:8.3f}s {t_nx / t_org:9.1f}x {t_ig / t_org:9.1f}x")


if __name__ == "__main__":
    main()
