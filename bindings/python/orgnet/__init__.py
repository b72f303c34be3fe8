"""orgnet: organizational network analysis.

Who does the organization listen to, who connects departments, who blocks,
and through whom to reach a decision maker. The graph model and every
algorithm are C++ (``orgnet._orgnet``); this package adds NumPy/pandas views
and networkx conversion.

Quick start::

    import orgnet
    g = orgnet.load_dataset("krackhardt")
    orgnet.summary(g)["reciprocity"]
    g.people_frame().head()

Errors in the data raise ValueError whose message starts with
"file:line:column: "; an unknown person id or index raises IndexError.
"""

from __future__ import annotations

from . import _frames
from ._arrays import from_arrays
from ._centrality import centrality_table, top_k
from ._networkx import from_networkx, to_networkx
from ._orgnet import (
    ComponentsResult,
    DistanceTransform,
    GraphBuilder,
    HierarchyStats,
    InfluenceDirection,
    InfluenceGraph,
    LogLevel,
    OutputFormat,
    RelationMap,
    RelationSpec,
    StrengthRule,
    UnknownPersonPolicy,
    __version__,
    bundled_data_dir,
    bundled_datasets,
    chain_of_command,
    edge_distances,
    format_summary,
    generate_company,
    hierarchy_depths,
    hierarchy_stats,
    load_csv,
    load_dataset,
    load_edge_list,
    load_ties_csv,
    log_level,
    read_graphml,
    read_graphml_string,
    set_log_callback,
    set_progress_callback,
    set_log_level,
    strong_components,
    summary,
    to_distance,
    weak_components,
    write_graphml,
    write_graphml_string,
)

InfluenceGraph.people_frame = _frames.people_frame  # type: ignore[method-assign]
InfluenceGraph.ties_frame = _frames.ties_frame  # type: ignore[method-assign]
InfluenceGraph.edges_frame = _frames.edges_frame  # type: ignore[method-assign]

__all__ = [
    "ComponentsResult",
    "DistanceTransform",
    "GraphBuilder",
    "HierarchyStats",
    "InfluenceDirection",
    "InfluenceGraph",
    "LogLevel",
    "OutputFormat",
    "RelationMap",
    "RelationSpec",
    "StrengthRule",
    "UnknownPersonPolicy",
    "__version__",
    "bundled_data_dir",
    "bundled_datasets",
    "centrality_table",
    "chain_of_command",
    "edge_distances",
    "format_summary",
    "from_arrays",
    "from_networkx",
    "generate_company",
    "hierarchy_depths",
    "hierarchy_stats",
    "load_csv",
    "load_dataset",
    "load_edge_list",
    "load_ties_csv",
    "log_level",
    "read_graphml",
    "read_graphml_string",
    "set_log_callback",
    "set_progress_callback",
    "set_log_level",
    "strong_components",
    "summary",
    "to_distance",
    "to_networkx",
    "top_k",
    "weak_components",
    "write_graphml",
    "write_graphml_string",
]

# ---- centrality: closeness, harmonic, betweenness (exact and approximate) ----
from ._orgnet import (  # noqa: E402
    ApproximateBetweennessResult,
    BetweennessResult,
    ClosenessResult,
    EdgeBetweennessResult,
    HarmonicClosenessResult,
    PathDirection,
    approximate_betweenness,
    betweenness,
    closeness,
    edge_betweenness,
    harmonic_closeness,
)

__all__ += [
    "ApproximateBetweennessResult",
    "BetweennessResult",
    "ClosenessResult",
    "EdgeBetweennessResult",
    "HarmonicClosenessResult",
    "PathDirection",
    "approximate_betweenness",
    "betweenness",
    "closeness",
    "edge_betweenness",
    "harmonic_closeness",
]
# ---- end of centrality: paths ----

# ---- centrality: degree, eigenvector, PageRank, Katz, HITS, k-core ----
from ._orgnet import (  # noqa: E402
    Convergence,
    CoreNumberResult,
    DanglingPolicy,
    InfluenceFlow,
    DegreeDirection,
    DegreeResult,
    EigenvectorResult,
    HitsResult,
    KatzResult,
    PageRankResult,
    core_number,
    degree_centrality,
    eigenvector_centrality,
    hits,
    katz_centrality,
    pagerank,
)

__all__ += [
    "Convergence",
    "CoreNumberResult",
    "DanglingPolicy",
    "InfluenceFlow",
    "DegreeDirection",
    "DegreeResult",
    "EigenvectorResult",
    "HitsResult",
    "KatzResult",
    "PageRankResult",
    "core_number",
    "degree_centrality",
    "eigenvector_centrality",
    "hits",
    "katz_centrality",
    "pagerank",
]
# ---- end of centrality: spectral ----

# ---- bottleneck ----
from ._orgnet import (  # noqa: E402
    BrokerageResult,
    CutPointsResult,
    DominatorTree,
    EdgeCutResult,
    KeyPlayerObjective,
    KeyPlayerResult,
    MustPassResult,
    OverloadResult,
    RemovalImpact,
    StructuralHolesResult,
    VertexCutResult,
    brokerage,
    cut_points,
    dominator_tree,
    fragmentation,
    key_players,
    minimum_edge_cut,
    minimum_vertex_cut,
    must_pass,
    overload,
    removal_impact,
    structural_holes,
)
from ._bottleneck import bottleneck_table  # noqa: E402

__all__ += [
    "BrokerageResult",
    "CutPointsResult",
    "DominatorTree",
    "EdgeCutResult",
    "KeyPlayerObjective",
    "KeyPlayerResult",
    "MustPassResult",
    "OverloadResult",
    "RemovalImpact",
    "StructuralHolesResult",
    "VertexCutResult",
    "bottleneck_table",
    "brokerage",
    "cut_points",
    "dominator_tree",
    "fragmentation",
    "key_players",
    "minimum_edge_cut",
    "minimum_vertex_cut",
    "must_pass",
    "overload",
    "removal_impact",
    "structural_holes",
]
# ---- end of bottleneck ----

# ---- structure ----
from ._orgnet import (  # noqa: E402
    CommunityAlgorithm,
    CommunityResult,
    FormalInformalResult,
    Labeling,
    MixingResult,
    ModularityKind,
    PartitionAgreement,
    QapResult,
    RolesResult,
    attribute_labeling,
    attribute_levels,
    communities,
    department_labeling,
    formal_vs_informal,
    modularity,
    qap_correlation,
)
from ._structure import (  # noqa: E402
    bypass_ties_frame,
    communities_frame,
    contingency_frame,
    ei_frame,
    group_ei_frame,
    hidden_influencers_frame,
    mixing,
    mixing_frame,
    ona_roles,
    partition_agreement,
    roles_frame,
)

__all__ += [
    "CommunityAlgorithm",
    "CommunityResult",
    "FormalInformalResult",
    "Labeling",
    "MixingResult",
    "ModularityKind",
    "PartitionAgreement",
    "QapResult",
    "RolesResult",
    "attribute_labeling",
    "attribute_levels",
    "bypass_ties_frame",
    "communities",
    "communities_frame",
    "contingency_frame",
    "department_labeling",
    "ei_frame",
    "formal_vs_informal",
    "group_ei_frame",
    "hidden_influencers_frame",
    "mixing",
    "mixing_frame",
    "modularity",
    "ona_roles",
    "partition_agreement",
    "qap_correlation",
    "roles_frame",
]
# ---- end of structure ----

# ---- diffusion ----
from . import _diffusion  # noqa: E402
from ._orgnet import (  # noqa: E402
    CascadeModel,
    CelfResult,
    LeverageTarget,
    LinearThresholdWeights,
    OpinionResult,
    OpinionSolver,
    ReachabilityMethod,
    ReachabilityResult,
    SimulationResult,
    celf_seeds,
    degroot,
    friedkin_johnsen,
    reachable_within,
    simulate_spread,
)

SimulationResult.people_frame = _diffusion.spread_people_frame  # type: ignore[method-assign]
SimulationResult.departments_frame = _diffusion.spread_departments_frame  # type: ignore[method-assign]
OpinionResult.frame = _diffusion.opinion_frame  # type: ignore[method-assign]

__all__ += [
    "CascadeModel",
    "CelfResult",
    "LeverageTarget",
    "LinearThresholdWeights",
    "OpinionResult",
    "OpinionSolver",
    "ReachabilityMethod",
    "ReachabilityResult",
    "SimulationResult",
    "celf_seeds",
    "degroot",
    "friedkin_johnsen",
    "reachable_within",
    "simulate_spread",
]
# ---- end of diffusion ----

# ---- persuasion ----
from ._orgnet import (  # noqa: E402
    Chain,
    ChainObjective,
    ChainResult,
    ChainStatus,
    ChainTree,
    KBestChainsResult,
    ApproachStep,
    WinOverPlan,
    best_chain,
    best_chains_from,
    exact_win_probability,
    k_best_chains,
    smallest_win_over_set,
    win_over_plan,
)
from ._persuasion import approach_frame, chain_frame  # noqa: E402

__all__ += [
    "Chain",
    "ChainObjective",
    "ChainResult",
    "ChainStatus",
    "ChainTree",
    "KBestChainsResult",
    "best_chain",
    "best_chains_from",
    "chain_frame",
    "k_best_chains",
    "ApproachStep",
    "WinOverPlan",
    "approach_frame",
    "exact_win_probability",
    "smallest_win_over_set",
    "win_over_plan",
]
# ---- end of persuasion ----

# ---- diffusion: influence maximization ----
from ._orgnet import ImmResult, imm_seeds  # noqa: E402
from ._imm import seeds_frame  # noqa: E402

__all__ += ["ImmResult", "imm_seeds", "seeds_frame"]
# ---- end of diffusion: influence maximization ----

# ---- network_plan ----
from ._network_plan import NetworkPlan, management_attention, network_plan  # noqa: E402

__all__ += ["NetworkPlan", "management_attention", "network_plan"]
# ---- end of network_plan ----

# ---- ingest ----
from ._ingest import ingest_events  # noqa: E402

__all__ += ["ingest_events"]
# ---- end of ingest ----

# ---- report ----
from ._orgnet import layout, pseudonymize, pseudonyms, write_report  # noqa: E402

__all__ += ["layout", "pseudonymize", "pseudonyms", "write_report"]
# ---- end of report ----
