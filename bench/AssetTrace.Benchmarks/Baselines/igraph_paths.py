"""Shortest-path baseline for the AssetTrace benchmark (python3-igraph).

Usage: igraph_paths.py EDGES PAIRS

EDGES: one edge per line, "source target" as node indexes (read as an undirected graph).
PAIRS: one query per line, "from to".
Runs every query once to warm up, then again timed, and prints a header line starting with
"#" and one line per query: the number of hops of a shortest path (-1 when none) and the
microseconds the query took.
"""
import sys
import time

import igraph


def main(edges_path, pairs_path):
    started = time.perf_counter()
    graph = igraph.Graph.Read_Edgelist(edges_path, directed=False)
    loaded = time.perf_counter() - started
    with open(pairs_path, encoding="ascii") as lines:
        pairs = [tuple(int(v) for v in line.split()) for line in lines if line.strip()]

    def hops(source, target):
        # One target: igraph's breadth-first search stops as soon as it reaches it.
        path = graph.get_shortest_paths(source, to=target, mode="all", output="vpath")[0]
        return len(path) - 1 if path else -1

    for source, target in pairs:
        hops(source, target)
    print(f"# igraph {igraph.__version__} vertices {graph.vcount()} edges {graph.ecount()} load_seconds {loaded:.3f}")
    for source, target in pairs:
        before = time.perf_counter()
        length = hops(source, target)
        after = time.perf_counter()
        print(f"{length} {(after - before) * 1e6:.1f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
