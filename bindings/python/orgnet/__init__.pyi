"""Type stubs for orgnet (the C++ module orgnet._orgnet and the pure-Python helpers)."""

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, Literal, TypedDict, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

__version__: str

_Path = str | os.PathLike[str]

# ---- enums -------------------------------------------------------------------------

class _Enum:
    """pybind11 enum: members are class attributes; ``name`` and ``value`` as in enum.Enum."""

    def __init__(self, value: int) -> None: ...
    @property
    def name(self) -> str: ...
    @property
    def value(self) -> int: ...
    def __int__(self) -> int: ...
    def __index__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class InfluenceDirection(_Enum):
    source_to_target: ClassVar[InfluenceDirection]
    target_to_source: ClassVar[InfluenceDirection]
    both: ClassVar[InfluenceDirection]
    __members__: ClassVar[dict[str, InfluenceDirection]]

class StrengthRule(_Enum):
    as_is: ClassVar[StrengthRule]
    scale_by_max: ClassVar[StrengthRule]
    weighted_cascade: ClassVar[StrengthRule]
    __members__: ClassVar[dict[str, StrengthRule]]

class DistanceTransform(_Enum):
    neg_log: ClassVar[DistanceTransform]
    inverse: ClassVar[DistanceTransform]
    hops: ClassVar[DistanceTransform]
    __members__: ClassVar[dict[str, DistanceTransform]]

class UnknownPersonPolicy(_Enum):
    error: ClassVar[UnknownPersonPolicy]
    create: ClassVar[UnknownPersonPolicy]
    __members__: ClassVar[dict[str, UnknownPersonPolicy]]

class OutputFormat(_Enum):
    table: ClassVar[OutputFormat]
    json: ClassVar[OutputFormat]
    csv: ClassVar[OutputFormat]
    __members__: ClassVar[dict[str, OutputFormat]]

class LogLevel(_Enum):
    trace: ClassVar[LogLevel]
    debug: ClassVar[LogLevel]
    info: ClassVar[LogLevel]
    warn: ClassVar[LogLevel]
    error: ClassVar[LogLevel]
    off: ClassVar[LogLevel]
    __members__: ClassVar[dict[str, LogLevel]]

_Direction = InfluenceDirection | Literal["source_to_target", "target_to_source", "both"]
_Rule = StrengthRule | Literal["as_is", "scale_by_max", "weighted_cascade"]
_Transform = DistanceTransform | Literal["neg_log", "inverse", "hops"]
_Format = OutputFormat | Literal["table", "json", "csv"]
_Level = LogLevel | Literal["trace", "debug", "info", "warn", "error", "off"]

# ---- relations -------------------------------------------------------------------------

class RelationSpec:
    """How the ties of one relation become influence."""

    direction: InfluenceDirection
    strength: StrengthRule
    #: Multiplies the rule's strength; in (0, 1] (reports_to defaults to 0.5).
    scale: float
    def __init__(self, direction: _Direction = ..., strength: _Rule = ..., scale: float = 1.0) -> None: ...
    @staticmethod
    def parse(text: str) -> RelationSpec: ...
    def __eq__(self, other: object) -> bool: ...

#: A relation spec: a RelationSpec, "direction[,rule[,scale]]", a direction, or (direction, rule[, scale]).
_Spec = (RelationSpec | str | InfluenceDirection | tuple[_Direction] | tuple[_Direction, _Rule]
         | tuple[_Direction, _Rule, float])
#: The relations argument of the loaders.
_Relations = Mapping[str, _Spec] | RelationMap | None

class RelationMap:
    """Per-relation specs plus an optional fallback."""

    def __init__(self, specs: Mapping[str, _Spec] | None = None, *, fallback: _Spec | None = None) -> None: ...
    @staticmethod
    def defaults() -> RelationMap: ...
    def set(self, relation: str, spec: _Spec, strength: _Rule | None = None) -> RelationMap: ...
    def set_fallback(self, spec: _Spec | None) -> RelationMap: ...
    def fallback(self) -> RelationSpec | None: ...
    def find(self, relation: str) -> RelationSpec | None: ...
    def specs(self) -> dict[str, RelationSpec]: ...
    def to_dict(self) -> dict[str, str]: ...
    def copy(self) -> RelationMap: ...
    def __contains__(self, relation: str) -> bool: ...
    def __getitem__(self, relation: str) -> RelationSpec: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[str]: ...
    def __eq__(self, other: object) -> bool: ...

# ---- the graph -------------------------------------------------------------------------

class _Ties(TypedDict):
    source: npt.NDArray[np.uint32]
    target: npt.NDArray[np.uint32]
    relation: npt.NDArray[np.uint16]
    weight: npt.NDArray[np.float64]

class _LoadReport(TypedDict):
    people: int
    people_from_ties: int
    ties: int
    self_ties: int
    influence_arcs: int
    merged_arcs: int
    influence_edges: int
    undirected_ties_split: int
    relations_using_fallback: list[str]

class InfluenceGraph:
    """The immutable influence graph every algorithm runs on."""

    def __init__(self) -> None: ...
    @property
    def num_vertices(self) -> int: ...
    @property
    def num_edges(self) -> int: ...
    @property
    def num_ties(self) -> int: ...
    @property
    def num_departments(self) -> int: ...
    @property
    def num_relations(self) -> int: ...
    def __len__(self) -> int: ...
    def __contains__(self, person_id: str) -> bool: ...
    # whole CSR arrays (read-only views)
    def out_offsets(self) -> npt.NDArray[np.uint32]: ...
    def out_targets(self) -> npt.NDArray[np.uint32]: ...
    def edge_sources(self) -> npt.NDArray[np.uint32]: ...
    def strengths(self) -> npt.NDArray[np.float64]: ...
    def in_offsets(self) -> npt.NDArray[np.uint32]: ...
    def in_sources(self) -> npt.NDArray[np.uint32]: ...
    def in_edge_ids(self) -> npt.NDArray[np.uint32]: ...
    def out_strength_totals(self) -> npt.NDArray[np.float64]: ...
    def in_strength_totals(self) -> npt.NDArray[np.float64]: ...
    def shared_in_strengths(self) -> npt.NDArray[np.float64]: ...
    def shared_out_strengths(self) -> npt.NDArray[np.float64]: ...
    def edge_relations(self) -> npt.NDArray[np.uint32]: ...
    # per vertex / edge
    def out_degree(self, v: int) -> int: ...
    def in_degree(self, v: int) -> int: ...
    def out_neighbors(self, v: int) -> npt.NDArray[np.uint32]: ...
    def out_strengths(self, v: int) -> npt.NDArray[np.float64]: ...
    def in_neighbors(self, v: int) -> npt.NDArray[np.uint32]: ...
    def in_edges(self, v: int) -> npt.NDArray[np.uint32]: ...
    def out_begin(self, v: int) -> int: ...
    def out_end(self, v: int) -> int: ...
    def edge_source(self, e: int) -> int: ...
    def edge_target(self, e: int) -> int: ...
    def strength(self, e: int) -> float: ...
    def edge_relation_names(self, e: int) -> list[str]: ...
    def find_edge(self, u: int, v: int) -> int | None: ...
    # people
    def ids(self) -> list[str]: ...
    def id(self, v: int) -> str: ...
    def find(self, person_id: str) -> int | None: ...
    def index_of(self, person_id: str) -> int: ...
    def names(self) -> list[str]: ...
    def name(self, v: int) -> str: ...
    def titles(self) -> list[str]: ...
    def title(self, v: int) -> str: ...
    def levels(self) -> npt.NDArray[np.int32]: ...
    def level(self, v: int) -> int: ...
    def levels_given(self) -> npt.NDArray[np.bool_]: ...
    def level_given(self, v: int) -> bool: ...
    def managers(self) -> npt.NDArray[np.int64]: ...
    def manager(self, v: int) -> int | None: ...
    def direct_reports(self, v: int) -> npt.NDArray[np.uint32]: ...
    # departments
    def departments(self) -> npt.NDArray[np.int32]: ...
    def department(self, v: int) -> int | None: ...
    def department_names(self) -> list[str]: ...
    def department_name(self, d: int) -> str: ...
    def find_department(self, name: str) -> int | None: ...
    def department_members(self, d: int) -> npt.NDArray[np.uint32]: ...
    # free attributes
    def attribute_names(self) -> list[str]: ...
    @overload
    def attribute(self, name: str) -> list[str]: ...
    @overload
    def attribute(self, v: int, name: str) -> str: ...
    # relations and ties
    def relation_names(self) -> list[str]: ...
    def relation_name(self, r: int) -> str: ...
    def find_relation(self, name: str) -> int | None: ...
    def relation_spec(self, relation: str | int) -> RelationSpec: ...
    def relation_map(self) -> RelationMap: ...
    def ties(self) -> _Ties: ...
    def load_report(self) -> _LoadReport: ...
    def memory_bytes(self) -> int: ...
    # pandas views (pure Python)
    def people_frame(self) -> pd.DataFrame: ...
    def ties_frame(self) -> pd.DataFrame: ...
    def edges_frame(self) -> pd.DataFrame: ...

class GraphBuilder:
    """Validates people and ties and builds an InfluenceGraph."""

    def __init__(
        self,
        *,
        relations: _Relations = None,
        strict_relations: bool = False,
        create_missing: bool = False,
        hierarchy_relation: str = "reports_to",
    ) -> None: ...
    def add_person(
        self,
        id: str,
        *,
        name: str = "",
        department: str = "",
        title: str = "",
        level: int | None = None,
        manager: str = "",
        attributes: Mapping[str, Any] | None = None,
    ) -> int: ...
    def add_tie(self, source: str, target: str, relation: str = "tie", weight: float = 1.0) -> None: ...
    def add_ties(
        self,
        sources: Sequence[Any] | npt.ArrayLike,
        targets: Sequence[Any] | npt.ArrayLike,
        relations: str | Sequence[str] | npt.ArrayLike = "tie",
        weights: npt.ArrayLike | None = None,
    ) -> None: ...
    def note_undirected_tie_split(self) -> None: ...
    @property
    def num_people(self) -> int: ...
    @property
    def num_ties(self) -> int: ...
    def has_person(self, id: str) -> bool: ...
    def build(self) -> InfluenceGraph: ...

# ---- hierarchy, distances, components ----------------------------------------------------

class HierarchyStats:
    @property
    def depth(self) -> int: ...
    @property
    def roots(self) -> int: ...
    @property
    def managers(self) -> int: ...
    @property
    def mean_span(self) -> float: ...
    @property
    def median_span(self) -> float: ...
    @property
    def max_span(self) -> int: ...
    @property
    def widest_manager(self) -> int | None: ...

def hierarchy_stats(graph: InfluenceGraph) -> HierarchyStats: ...
def chain_of_command(graph: InfluenceGraph, v: int) -> npt.NDArray[np.uint32]: ...
def hierarchy_depths(graph: InfluenceGraph) -> npt.NDArray[np.int32]: ...
def edge_distances(graph: InfluenceGraph, transform: _Transform = ...) -> npt.NDArray[np.float64]: ...
def to_distance(strength: float, transform: _Transform = ...) -> float: ...
def generate_company(
    *,
    people: int = ...,
    departments: int = ...,
    levels: int = ...,
    ties_per_person: float = ...,
    within_department: float = ...,
    upward: float = ...,
    seed: int = ...,
) -> InfluenceGraph: ...

class ComponentsResult:
    @property
    def component(self) -> npt.NDArray[np.uint32]: ...
    @property
    def sizes(self) -> npt.NDArray[np.uint64]: ...
    def count(self) -> int: ...
    def largest(self) -> int: ...

def weak_components(graph: InfluenceGraph) -> ComponentsResult: ...
def strong_components(graph: InfluenceGraph) -> ComponentsResult: ...

# ---- loaders and writers -------------------------------------------------------------------

def load_csv(
    people: _Path,
    ties: _Path,
    *,
    id_col: str | None = "id",
    name_col: str | None = "name",
    department_col: str | None = "department",
    title_col: str | None = "title",
    level_col: str | None = "level",
    manager_col: str | None = "manager",
    source_col: str | None = "source",
    target_col: str | None = "target",
    relation_col: str | None = "relation",
    weight_col: str | None = "weight",
    default_relation: str = "tie",
    delimiter: str = ",",
    comment: str | None = "#",
    relations: _Relations = None,
    strict_relations: bool = False,
    create_missing: bool = False,
    hierarchy_relation: str = "reports_to",
) -> InfluenceGraph: ...
def load_ties_csv(
    ties: _Path,
    *,
    source_col: str | None = "source",
    target_col: str | None = "target",
    relation_col: str | None = "relation",
    weight_col: str | None = "weight",
    default_relation: str = "tie",
    delimiter: str = ",",
    comment: str | None = "#",
    relations: _Relations = None,
    strict_relations: bool = False,
    hierarchy_relation: str = "reports_to",
) -> InfluenceGraph: ...
def load_edge_list(
    path: _Path,
    *,
    relation: str = "tie",
    relations: _Relations = None,
    strict_relations: bool = False,
    hierarchy_relation: str = "reports_to",
) -> InfluenceGraph: ...
def read_graphml(
    path: _Path,
    *,
    name_key: str | None = "name",
    department_key: str | None = "department",
    title_key: str | None = "title",
    level_key: str | None = "level",
    manager_key: str | None = "manager",
    relation_key: str | None = "relation",
    weight_key: str | None = "weight",
    default_relation: str = "tie",
    relations: _Relations = None,
    strict_relations: bool = False,
    create_missing: bool = False,
    hierarchy_relation: str = "reports_to",
) -> InfluenceGraph: ...
def read_graphml_string(
    xml: str,
    *,
    source_name: str = "<string>",
    name_key: str | None = "name",
    department_key: str | None = "department",
    title_key: str | None = "title",
    level_key: str | None = "level",
    manager_key: str | None = "manager",
    relation_key: str | None = "relation",
    weight_key: str | None = "weight",
    default_relation: str = "tie",
    relations: _Relations = None,
    strict_relations: bool = False,
    create_missing: bool = False,
    hierarchy_relation: str = "reports_to",
) -> InfluenceGraph: ...
def write_graphml(graph: InfluenceGraph, file: _Path | Any) -> None: ...
def write_graphml_string(graph: InfluenceGraph) -> str: ...

class _DatasetInfo(TypedDict):
    name: str
    folder: str
    description: str
    citation: str

def bundled_datasets() -> list[_DatasetInfo]: ...
def bundled_data_dir() -> Path: ...
def load_dataset(
    name: str = "krackhardt",
    *,
    relations: _Relations = None,
    strict_relations: bool = False,
    create_missing: bool = False,
    hierarchy_relation: str = "reports_to",
) -> InfluenceGraph: ...
def from_arrays(
    sources: npt.ArrayLike | Sequence[Any],
    targets: npt.ArrayLike | Sequence[Any],
    weights: npt.ArrayLike | None = None,
    relations: str | npt.ArrayLike | Sequence[str] | None = None,
    people: pd.DataFrame | Mapping[str, Sequence[Any]] | None = None,
    *,
    default_relation: str = "tie",
    relation_map: _Relations = None,
    strict_relations: bool = False,
    create_missing: bool = False,
    hierarchy_relation: str = "reports_to",
) -> InfluenceGraph: ...

# ---- networkx ---------------------------------------------------------------------------

@overload
def to_networkx(graph: InfluenceGraph, kind: Literal["ties"] = "ties") -> Any: ...
@overload
def to_networkx(graph: InfluenceGraph, kind: Literal["influence"]) -> Any: ...
def from_networkx(
    nx_graph: Any,
    *,
    relation_attr: str = "relation",
    weight_attr: str = "weight",
    default_relation: str = "tie",
    relation_map: _Relations = None,
    strict_relations: bool = False,
    hierarchy_relation: str = "reports_to",
) -> InfluenceGraph: ...

# ---- report ----------------------------------------------------------------------------

class _RelationSummary(TypedDict):
    relation: str
    ties: int
    direction: str
    strength_rule: str
    used_fallback: bool

class _HierarchySummary(TypedDict):
    depth: int
    roots: int
    managers: int
    mean_span: float
    median_span: float
    max_span: int

class _Summary(TypedDict):
    people: int
    ties: int
    relations: list[_RelationSummary]
    self_ties: int
    influence_edges: int
    merged_arcs: int
    people_from_ties: int
    departments: int
    people_without_department: int
    department_sizes: dict[str, int]
    density: float
    reciprocity: float
    mean_strength: float
    weak_components: int
    largest_weak_component: int
    strong_components: int
    largest_strong_component: int
    hierarchy: _HierarchySummary

def summary(graph: InfluenceGraph) -> _Summary: ...
def centrality_table(
    graph: InfluenceGraph,
    measures: Iterable[str] | str | None = None,
    *,
    distance: str = ...,
    flow: str = ...,
    normalized: bool = ...,
    damping: float = ...,
    katz_alpha: float = ...,
    epsilon: float = ...,
    delta: float = ...,
    seed: int = ...,
    threads: int = ...,
) -> pd.DataFrame: ...
def top_k(graph: InfluenceGraph, scores: Any, k: int = 10, *, ascending: bool = False,
          error: float | None = None) -> pd.DataFrame: ...
def format_summary(graph: InfluenceGraph, format: _Format = ..., title: str = "") -> str: ...

# ---- logging ----------------------------------------------------------------------------

def set_log_level(level: _Level) -> None: ...
def log_level() -> LogLevel: ...
def set_log_callback(callback: Callable[[LogLevel, str], object] | None) -> None: ...
def set_progress_callback(callback: Callable[[str, int, int], object] | None) -> None: ...

__all__: list[str]

# ---- centrality: closeness, harmonic, betweenness (exact and approximate) ----
_PathDirection = PathDirection | Literal["incoming", "outgoing"]

class PathDirection(_Enum):
    incoming: ClassVar[PathDirection]
    outgoing: ClassVar[PathDirection]
    __members__: ClassVar[dict[str, PathDirection]]

class ClosenessResult:
    @property
    def score(self) -> npt.NDArray[np.float64]: ...
    @property
    def reached(self) -> npt.NDArray[np.uint32]: ...

class HarmonicClosenessResult:
    @property
    def score(self) -> npt.NDArray[np.float64]: ...

class BetweennessResult:
    @property
    def score(self) -> npt.NDArray[np.float64]: ...

class EdgeBetweennessResult:
    @property
    def score(self) -> npt.NDArray[np.float64]: ...

class ApproximateBetweennessResult:
    @property
    def score(self) -> npt.NDArray[np.float64]: ...
    @property
    def samples(self) -> int: ...
    @property
    def epsilon(self) -> float: ...
    @property
    def delta(self) -> float: ...
    @property
    def vertex_diameter_bound(self) -> int: ...
    @property
    def seed(self) -> int: ...

def closeness(
    graph: InfluenceGraph,
    *,
    distance: _Transform = ...,
    direction: _PathDirection = ...,
    wf_improved: bool = True,
    threads: int = 0,
) -> ClosenessResult: ...
def harmonic_closeness(
    graph: InfluenceGraph,
    *,
    distance: _Transform = ...,
    direction: _PathDirection = ...,
    normalized: bool = False,
    threads: int = 0,
) -> HarmonicClosenessResult: ...
def betweenness(
    graph: InfluenceGraph,
    *,
    distance: _Transform = ...,
    normalized: bool = True,
    endpoints: bool = False,
    threads: int = 0,
) -> BetweennessResult: ...
def edge_betweenness(
    graph: InfluenceGraph,
    *,
    distance: _Transform = ...,
    normalized: bool = True,
    threads: int = 0,
) -> EdgeBetweennessResult: ...
def approximate_betweenness(
    graph: InfluenceGraph,
    *,
    epsilon: float = 0.01,
    delta: float = 0.1,
    seed: int = 42,
    distance: _Transform = ...,
    threads: int = 0,
) -> ApproximateBetweennessResult: ...
# ---- end of centrality: paths ----

# ---- centrality: degree, eigenvector, PageRank, Katz, HITS, k-core ----
class DegreeDirection(_Enum):
    in_: ClassVar[DegreeDirection]
    out: ClassVar[DegreeDirection]
    total: ClassVar[DegreeDirection]
    __members__: ClassVar[dict[str, DegreeDirection]]

class DanglingPolicy(_Enum):
    personalization: ClassVar[DanglingPolicy]
    uniform: ClassVar[DanglingPolicy]
    given: ClassVar[DanglingPolicy]
    __members__: ClassVar[dict[str, DanglingPolicy]]

_DegreeDirection = DegreeDirection | Literal["in", "out", "total"]
_Dangling = DanglingPolicy | Literal["personalization", "uniform", "given"]

class InfluenceFlow(_Enum):
    received: ClassVar[InfluenceFlow]
    exerted: ClassVar[InfluenceFlow]
    __members__: ClassVar[dict[str, InfluenceFlow]]

_Flow = InfluenceFlow | Literal["received", "exerted"]
_PerPerson = npt.ArrayLike | Mapping[str, float]

class Convergence:
    @property
    def iterations(self) -> int: ...
    @property
    def residual(self) -> float: ...
    @property
    def converged(self) -> bool: ...

class DegreeResult:
    @property
    def score(self) -> npt.NDArray[np.float64]: ...

class EigenvectorResult:
    @property
    def score(self) -> npt.NDArray[np.float64]: ...
    @property
    def convergence(self) -> Convergence: ...

class PageRankResult:
    @property
    def score(self) -> npt.NDArray[np.float64]: ...
    @property
    def convergence(self) -> Convergence: ...

class KatzResult:
    @property
    def score(self) -> npt.NDArray[np.float64]: ...
    @property
    def convergence(self) -> Convergence: ...

class HitsResult:
    @property
    def hubs(self) -> npt.NDArray[np.float64]: ...
    @property
    def authorities(self) -> npt.NDArray[np.float64]: ...
    @property
    def convergence(self) -> Convergence: ...

class CoreNumberResult:
    @property
    def core(self) -> npt.NDArray[np.uint32]: ...
    @property
    def max_core(self) -> int: ...

def degree_centrality(
    graph: InfluenceGraph,
    *,
    direction: _DegreeDirection = ...,
    weighted: bool = False,
    normalized: bool = True,
) -> DegreeResult: ...
def eigenvector_centrality(
    graph: InfluenceGraph,
    *,
    weighted: bool = True,
    flow: _Flow = ...,
    tolerance: float = 1e-10,
    max_iterations: int = 1000,
    threads: int = 0,
) -> EigenvectorResult: ...
def pagerank(
    graph: InfluenceGraph,
    *,
    damping: float = 0.85,
    personalization: _PerPerson | None = None,
    dangling: _Dangling | _PerPerson = ...,
    weighted: bool = True,
    flow: _Flow = ...,
    tolerance: float = 1e-10,
    max_iterations: int = 1000,
    threads: int = 0,
) -> PageRankResult: ...
def katz_centrality(
    graph: InfluenceGraph,
    *,
    alpha: float = 0.1,
    beta: float | _PerPerson = 1.0,
    weighted: bool = True,
    flow: _Flow = ...,
    normalized: bool = True,
    tolerance: float = 1e-10,
    max_iterations: int = 1000,
    threads: int = 0,
) -> KatzResult: ...
def hits(
    graph: InfluenceGraph,
    *,
    weighted: bool = True,
    tolerance: float = 1e-10,
    max_iterations: int = 1000,
    threads: int = 0,
) -> HitsResult: ...
def core_number(graph: InfluenceGraph, *, direction: _DegreeDirection = ...) -> CoreNumberResult: ...
# ---- end of centrality: spectral ----

# ---- bottleneck ----
_Person = str | int
_People = _Person | Iterable[_Person]
_Objective = KeyPlayerObjective | Literal["fragmentation", "distance_fragmentation"]

class CutPointsResult:
    @property
    def articulation_points(self) -> npt.NDArray[np.uint32]: ...
    @property
    def cut_off(self) -> npt.NDArray[np.uint32]: ...
    @property
    def pieces(self) -> npt.NDArray[np.uint32]: ...
    @property
    def component_size(self) -> npt.NDArray[np.uint32]: ...
    @property
    def bridges(self) -> npt.NDArray[np.uint32]: ...

class StructuralHolesResult:
    @property
    def constraint(self) -> npt.NDArray[np.float64]: ...
    @property
    def effective_size(self) -> npt.NDArray[np.float64]: ...
    @property
    def efficiency(self) -> npt.NDArray[np.float64]: ...
    @property
    def hierarchy(self) -> npt.NDArray[np.float64]: ...
    @property
    def contacts(self) -> npt.NDArray[np.uint32]: ...

class BrokerageResult:
    roles: ClassVar[tuple[str, ...]]
    @property
    def observed(self) -> npt.NDArray[np.uint64]: ...
    @property
    def expected(self) -> npt.NDArray[np.float64]: ...
    @property
    def sd(self) -> npt.NDArray[np.float64]: ...
    @property
    def z(self) -> npt.NDArray[np.float64]: ...
    @property
    def network_observed(self) -> npt.NDArray[np.uint64]: ...
    @property
    def network_expected(self) -> npt.NDArray[np.float64]: ...
    @property
    def network_sd(self) -> npt.NDArray[np.float64]: ...
    @property
    def network_z(self) -> npt.NDArray[np.float64]: ...
    @property
    def group(self) -> npt.NDArray[np.uint32]: ...
    @property
    def group_names(self) -> list[str]: ...
    @property
    def group_sizes(self) -> npt.NDArray[np.uint64]: ...
    @property
    def density(self) -> float: ...

class DominatorTree:
    @property
    def root(self) -> int: ...
    @property
    def immediate_dominator(self) -> npt.NDArray[np.int64]: ...
    @property
    def reachable(self) -> npt.NDArray[np.bool_]: ...

class MustPassResult:
    @property
    def status(self) -> str: ...
    @property
    def people(self) -> npt.NDArray[np.uint32]: ...

class EdgeCutResult:
    @property
    def status(self) -> str: ...
    @property
    def value(self) -> float: ...
    @property
    def edges(self) -> npt.NDArray[np.uint32]: ...
    @property
    def source_side(self) -> npt.NDArray[np.uint32]: ...

class VertexCutResult:
    @property
    def status(self) -> str: ...
    @property
    def people(self) -> npt.NDArray[np.uint32]: ...
    @property
    def source_side(self) -> npt.NDArray[np.uint32]: ...

class KeyPlayerObjective(_Enum):
    fragmentation: ClassVar[KeyPlayerObjective]
    distance_fragmentation: ClassVar[KeyPlayerObjective]
    __members__: ClassVar[dict[str, KeyPlayerObjective]]

class KeyPlayerResult:
    @property
    def people(self) -> npt.NDArray[np.uint32]: ...
    @property
    def objective(self) -> KeyPlayerObjective: ...
    @property
    def fragmentation_before(self) -> float: ...
    @property
    def fragmentation(self) -> float: ...
    @property
    def distance_fragmentation_before(self) -> float: ...
    @property
    def distance_fragmentation(self) -> float: ...
    @property
    def swaps(self) -> int: ...
    @property
    def rounds(self) -> int: ...

class RemovalImpact:
    @property
    def person(self) -> int: ...
    @property
    def fragmentation_before(self) -> float: ...
    @property
    def fragmentation_after(self) -> float: ...
    @property
    def cut_off(self) -> int: ...
    @property
    def reach_before(self) -> int: ...
    @property
    def reach_after(self) -> int: ...
    @property
    def reaches(self) -> int: ...
    @property
    def reached_by(self) -> int: ...

class OverloadResult:
    @property
    def load(self) -> npt.NDArray[np.float64]: ...
    @property
    def load_ratio(self) -> npt.NDArray[np.float64]: ...
    @property
    def chain_share(self) -> npt.NDArray[np.float64]: ...
    @property
    def score(self) -> npt.NDArray[np.float64]: ...
    @property
    def ranking(self) -> npt.NDArray[np.uint32]: ...
    @property
    def median_load(self) -> float: ...
    @property
    def relations(self) -> list[str]: ...

def cut_points(graph: InfluenceGraph) -> CutPointsResult: ...
def structural_holes(graph: InfluenceGraph, *, weighted: bool = True, threads: int = 0) -> StructuralHolesResult: ...
def brokerage(graph: InfluenceGraph, *, attribute: str = "", threads: int = 0) -> BrokerageResult: ...
def dominator_tree(graph: InfluenceGraph, root: _Person) -> DominatorTree: ...
def must_pass(graph: InfluenceGraph, source: _Person, target: _Person) -> MustPassResult: ...
def minimum_edge_cut(
    graph: InfluenceGraph, sources: _People, targets: _People, *, weighted: bool = True
) -> EdgeCutResult: ...
def minimum_vertex_cut(graph: InfluenceGraph, sources: _People, targets: _People) -> VertexCutResult: ...
def key_players(
    graph: InfluenceGraph,
    *,
    k: int = 3,
    objective: _Objective = "fragmentation",
    max_swap_rounds: int = 100,
    threads: int = 0,
) -> KeyPlayerResult: ...
def fragmentation(
    graph: InfluenceGraph, removed: _People | None = None, objective: _Objective = "fragmentation"
) -> float: ...
def removal_impact(graph: InfluenceGraph, person: _Person, *, threads: int = 0) -> RemovalImpact: ...
def overload(
    graph: InfluenceGraph,
    *,
    relations: str | Sequence[str] | None = None,
    distance: _Transform = ...,
    threads: int = 0,
) -> OverloadResult: ...
def bottleneck_table(
    graph: InfluenceGraph,
    *,
    attribute: str = "",
    weighted: bool = True,
    relations: list[str] | None = None,
    threads: int = 0,
) -> pd.DataFrame: ...
# ---- end of bottleneck ----

# ---- structure ----

class ModularityKind(_Enum):
    """Undirected view (summed weights) or Leicht-Newman directed modularity."""

    undirected: ClassVar[ModularityKind]
    directed: ClassVar[ModularityKind]
    __members__: ClassVar[dict[str, ModularityKind]]

class CommunityAlgorithm(_Enum):
    """Louvain or Leiden."""

    louvain: ClassVar[CommunityAlgorithm]
    leiden: ClassVar[CommunityAlgorithm]
    __members__: ClassVar[dict[str, CommunityAlgorithm]]

_ModularityKind = ModularityKind | Literal["undirected", "directed"]
_CommunityAlgorithm = CommunityAlgorithm | Literal["louvain", "leiden"]

class Labeling:
    """A grouping of the people: a group number per person (-1 = missing) and names."""

    def __init__(self, label: Sequence[int], names: Sequence[str]) -> None: ...
    @property
    def label(self) -> npt.NDArray[np.int32]: ...
    @property
    def names(self) -> list[str]: ...
    def num_groups(self) -> int: ...

class CommunityResult:
    """Communities found by Louvain or Leiden."""

    @property
    def community(self) -> npt.NDArray[np.uint32]: ...
    @property
    def sizes(self) -> npt.NDArray[np.uint64]: ...
    @property
    def modularity(self) -> float: ...
    @property
    def levels(self) -> int: ...
    @property
    def algorithm(self) -> CommunityAlgorithm: ...
    @property
    def seed(self) -> int: ...
    def count(self) -> int: ...

class _Spread(TypedDict):
    group: str
    size: int
    parts: list[tuple[str, int]]

class PartitionAgreement:
    """Agreement of two groupings: NMI, ARI, contingency, splits and merges."""

    @property
    def nmi(self) -> float: ...
    @property
    def ari(self) -> float: ...
    @property
    def compared(self) -> int: ...
    @property
    def a_names(self) -> list[str]: ...
    @property
    def b_names(self) -> list[str]: ...
    @property
    def counts(self) -> npt.NDArray[np.int64]: ...
    @property
    def splits(self) -> list[_Spread]: ...
    @property
    def merges(self) -> list[_Spread]: ...

_Grouping = str | CommunityResult | Labeling | Sequence[Any] | npt.ArrayLike | pd.Series

def modularity(
    graph: InfluenceGraph,
    community: npt.ArrayLike,
    *,
    kind: _ModularityKind = ...,
    resolution: float = 1.0,
    weighted: bool = True,
) -> float:
    """Modularity of a partition (undirected view or Leicht-Newman directed)."""

def communities(
    graph: InfluenceGraph,
    *,
    algorithm: _CommunityAlgorithm = ...,
    kind: _ModularityKind = ...,
    resolution: float = 1.0,
    weighted: bool = True,
    seed: int = 42,
    threshold: float = 1e-7,
    max_levels: int = 0,
    randomness: float = 0.01,
    iterations: int = 0,
) -> CommunityResult:
    """Communities by Louvain or Leiden, seeded and deterministic."""

def department_labeling(graph: InfluenceGraph) -> Labeling:
    """The departments as a Labeling."""

def attribute_labeling(graph: InfluenceGraph, attribute: str) -> Labeling:
    """The values of a free attribute as a Labeling."""

def partition_agreement(
    graph: InfluenceGraph,
    a: _Grouping = "departments",
    b: _Grouping = "departments",
    *,
    min_share: float = 0.2,
    min_size: int = 3,
) -> PartitionAgreement:
    """NMI, ARI, contingency, splits and merges of two groupings."""

def contingency_frame(agreement: PartitionAgreement) -> pd.DataFrame:
    """The contingency table as a labelled DataFrame."""

def communities_frame(graph: InfluenceGraph, result: CommunityResult) -> pd.DataFrame:
    """Each person's department and community, indexed by person id."""

_DegreeDirectionArg = DegreeDirection | Literal["in", "out", "total"]

class MixingResult:
    """Mixing matrix and E-I indices of a grouping, with a permutation test."""

    @property
    def groups(self) -> list[str]: ...
    @property
    def ties(self) -> npt.NDArray[np.int64]: ...
    @property
    def strength(self) -> npt.NDArray[np.float64]: ...
    @property
    def person_external(self) -> npt.NDArray[np.int64]: ...
    @property
    def person_internal(self) -> npt.NDArray[np.int64]: ...
    @property
    def person_ei(self) -> npt.NDArray[np.float64]: ...
    @property
    def group_external(self) -> npt.NDArray[np.int64]: ...
    @property
    def group_internal(self) -> npt.NDArray[np.int64]: ...
    @property
    def group_ei(self) -> npt.NDArray[np.float64]: ...
    @property
    def external(self) -> int: ...
    @property
    def internal(self) -> int: ...
    @property
    def ei(self) -> float: ...
    @property
    def permutations(self) -> int: ...
    @property
    def seed(self) -> int: ...
    @property
    def expected_ei(self) -> float: ...
    @property
    def p_less(self) -> float: ...
    @property
    def p_greater(self) -> float: ...
    @property
    def group_expected_ei(self) -> npt.NDArray[np.float64]: ...
    @property
    def group_p_less(self) -> npt.NDArray[np.float64]: ...
    @property
    def group_p_greater(self) -> npt.NDArray[np.float64]: ...
    def num_groups(self) -> int: ...

def mixing(
    graph: InfluenceGraph,
    groups: _Grouping = "departments",
    *,
    direction: _DegreeDirectionArg = "out",
    permutations: int = 1000,
    seed: int = 42,
    threads: int = 0,
) -> MixingResult:
    """Mixing matrix and E-I index (person, group, network) with a seeded permutation test."""

def mixing_frame(result: MixingResult, *, weighted: bool = False) -> pd.DataFrame:
    """The mixing matrix as a labelled DataFrame."""

def group_ei_frame(result: MixingResult) -> pd.DataFrame:
    """Per-group E-I with permutation p-values, most siloed first."""

def ei_frame(graph: InfluenceGraph, result: MixingResult) -> pd.DataFrame:
    """Per-person E-I, indexed by person id."""

class QapResult:
    """QAP correlation of two networks with its permutation test."""

    @property
    def correlation(self) -> float: ...
    @property
    def expected(self) -> float: ...
    @property
    def sd(self) -> float: ...
    @property
    def p_greater(self) -> float: ...
    @property
    def p_less(self) -> float: ...
    @property
    def p_two_sided(self) -> float: ...
    @property
    def permutations(self) -> int: ...
    @property
    def seed(self) -> int: ...

class _LevelCorrelation(TypedDict):
    measure: str
    pearson: float
    spearman: float

class _BypassTie(TypedDict):
    source: int
    target: int
    source_level: float
    target_level: float
    gap: float
    in_chain: bool

class FormalInformalResult:
    """Formal vs informal organization: QAP, level correlations, hidden influencers, bypass ties."""

    @property
    def informal_relations(self) -> list[str]: ...
    @property
    def qap(self) -> QapResult: ...
    @property
    def has_reporting_lines(self) -> bool: ...
    @property
    def level_correlations(self) -> list[_LevelCorrelation]: ...
    @property
    def level(self) -> npt.NDArray[np.float64]: ...
    @property
    def influence(self) -> npt.NDArray[np.float64]: ...
    @property
    def percentile(self) -> npt.NDArray[np.float64]: ...
    @property
    def predicted(self) -> npt.NDArray[np.float64]: ...
    @property
    def residual(self) -> npt.NDArray[np.float64]: ...
    @property
    def levels_vary(self) -> bool: ...
    @property
    def intercept(self) -> float: ...
    @property
    def slope(self) -> float: ...
    @property
    def hidden_influencers(self) -> npt.NDArray[np.uint32]: ...
    @property
    def bypass_ties(self) -> list[_BypassTie]: ...
    @property
    def bypass_count(self) -> npt.NDArray[np.int64]: ...

def qap_correlation(
    x: InfluenceGraph | npt.ArrayLike,
    y: InfluenceGraph | npt.ArrayLike,
    *,
    weighted: bool = False,
    permutations: int = 1000,
    seed: int = 42,
    threads: int = 0,
) -> QapResult:
    """QAP correlation of two networks with a seeded permutation p-value."""

def formal_vs_informal(
    graph: InfluenceGraph,
    *,
    informal_relations: Sequence[str] | None = None,
    levels: str | npt.ArrayLike | None = None,
    weighted: bool = False,
    permutations: int = 1000,
    seed: int = 42,
    measures: Sequence[str] | str | None = None,
    influence: str = "pagerank",
    min_residual: float = 0.25,
    min_level_gap: int = 2,
    threads: int = 0,
) -> FormalInformalResult:
    """QAP of reporting lines vs informal ties, level correlations, hidden influencers, bypass ties."""

def attribute_levels(graph: InfluenceGraph, attribute: str) -> list[float]:
    """Levels read from a numeric free attribute."""

def hidden_influencers_frame(
    graph: InfluenceGraph, result: FormalInformalResult, *, everyone: bool = False
) -> pd.DataFrame:
    """Hidden influencers (or everyone) with percentile, prediction and residual."""

def bypass_ties_frame(graph: InfluenceGraph, result: FormalInformalResult) -> pd.DataFrame:
    """Bypass ties with person ids."""

class RolesResult:
    """ONA roles per person (Cross and Prusak) with the numbers behind them."""

    @property
    def degree(self) -> npt.NDArray[np.float64]: ...
    @property
    def degree_percentile(self) -> npt.NDArray[np.float64]: ...
    @property
    def betweenness(self) -> npt.NDArray[np.float64]: ...
    @property
    def betweenness_percentile(self) -> npt.NDArray[np.float64]: ...
    @property
    def contacts(self) -> npt.NDArray[np.int64]: ...
    @property
    def external(self) -> npt.NDArray[np.int64]: ...
    @property
    def groups_reached(self) -> npt.NDArray[np.int64]: ...
    @property
    def external_share(self) -> npt.NDArray[np.float64]: ...
    @property
    def external_percentile(self) -> npt.NDArray[np.float64]: ...
    @property
    def central_connector(self) -> npt.NDArray[np.bool_]: ...
    @property
    def boundary_spanner(self) -> npt.NDArray[np.bool_]: ...
    @property
    def information_broker(self) -> npt.NDArray[np.bool_]: ...
    @property
    def peripheral_specialist(self) -> npt.NDArray[np.bool_]: ...
    def roles(self, v: int) -> str: ...

def ona_roles(
    graph: InfluenceGraph,
    groups: _Grouping = "departments",
    *,
    connector_percentile: float = 0.9,
    spanner_percentile: float = 0.8,
    spanner_min_groups: int = 2,
    broker_percentile: float = 0.9,
    broker_min_groups: int = 1,
    peripheral_percentile: float = 0.1,
    distance: _Transform = "neg_log",
    threads: int = 0,
) -> RolesResult:
    """ONA roles (central connector, boundary spanner, information broker, peripheral specialist)."""

def roles_frame(graph: InfluenceGraph, result: RolesResult) -> pd.DataFrame:
    """Roles and the numbers behind them, one row per person."""

# ---- end of structure ----

# ---- diffusion ----
class CascadeModel(_Enum):
    """Diffusion model of simulate_spread (also "ic" / "lt")."""

    independent_cascade: ClassVar[CascadeModel]
    linear_threshold: ClassVar[CascadeModel]
    __members__: ClassVar[dict[str, CascadeModel]]

class LinearThresholdWeights(_Enum):
    """How Linear Threshold reads in-strengths: as given (validated <= 1) or normalized."""

    validate: ClassVar[LinearThresholdWeights]
    normalize: ClassVar[LinearThresholdWeights]
    __members__: ClassVar[dict[str, LinearThresholdWeights]]

_Model = CascadeModel | Literal["independent_cascade", "linear_threshold", "ic", "lt"]
_LtWeights = LinearThresholdWeights | Literal["validate", "normalize"]
_People = str | Iterable[str | int] | None

class SimulationResult:
    """Result of simulate_spread: expected reach with its interval, per-person and per-department adoption."""

    @property
    def seeds(self) -> npt.NDArray[np.uint32]:
        """The distinct seeds (vertex ids, ascending)."""
    @property
    def model(self) -> CascadeModel:
        """The model simulated."""
    @property
    def simulations(self) -> int:
        """Number of simulated worlds."""
    @property
    def seed(self) -> int:
        """The random seed used."""
    @property
    def delta(self) -> float:
        """Intervals are at confidence 1 - delta."""
    @property
    def expected_reach(self) -> float:
        """Mean number of people reached, seeds included."""
    @property
    def reach_stddev(self) -> float:
        """Sample standard deviation of the number reached."""
    @property
    def reach_low(self) -> float:
        """Lower end of the confidence interval of the expected reach."""
    @property
    def reach_high(self) -> float:
        """Upper end of the confidence interval of the expected reach."""
    @property
    def probability(self) -> npt.NDArray[np.float64]:
        """Share of simulations in which each person was reached, by vertex id."""
    @property
    def probability_margin(self) -> float:
        """Hoeffding half-width of every probability at confidence 1 - delta."""
    @property
    def department_adoption(self) -> npt.NDArray[np.float64]:
        """Expected share of each department's members reached, by department id."""
    @property
    def no_department_reach(self) -> float:
        """Expected number reached among people without a department."""
    @property
    def adoption_curve(self) -> npt.NDArray[np.float64]:
        """Expected number convinced after step t = 0 (the seeds), 1, ..."""
    def people_frame(self, graph: InfluenceGraph) -> pd.DataFrame:
        """Per-person probability (columns department, seed, probability), highest first."""
    def departments_frame(self, graph: InfluenceGraph) -> pd.DataFrame:
        """Adoption by department (columns members, expected_reached, adoption)."""

def simulate_spread(
    graph: InfluenceGraph,
    seeds: _People,
    *,
    model: _Model = ...,
    simulations: int = 10000,
    seed: int = 42,
    delta: float = 0.05,
    max_steps: int = 0,
    lt_weights: _LtWeights = ...,
    threads: int = 0,
) -> SimulationResult:
    """Monte Carlo simulation of Independent Cascade or Linear Threshold spread from ``seeds``."""

class LeverageTarget(_Enum):
    """Whose equilibrium stance leverage is measured on."""

    mean: ClassVar[LeverageTarget]
    person: ClassVar[LeverageTarget]
    department: ClassVar[LeverageTarget]
    __members__: ClassVar[dict[str, LeverageTarget]]

class OpinionSolver(_Enum):
    """How the opinion systems are solved: sparse LU, BiCGSTAB, or automatic."""

    automatic: ClassVar[OpinionSolver]
    direct: ClassVar[OpinionSolver]
    iterative: ClassVar[OpinionSolver]
    __members__: ClassVar[dict[str, OpinionSolver]]

_Leverage = LeverageTarget | Literal["mean", "person", "department"]
_Solver = OpinionSolver | Literal["automatic", "direct", "iterative"]

class OpinionResult:
    """Result of friedkin_johnsen and degroot: equilibrium stances and leverage."""

    @property
    def equilibrium(self) -> npt.NDArray[np.float64]:
        """Equilibrium stance of each person, by vertex id."""
    @property
    def residual(self) -> float:
        """Fixed-point residual max |x* - Lambda W x* - (I - Lambda) x0|."""
    @property
    def leverage(self) -> npt.NDArray[np.float64]:
        """Derivative of the target with respect to each person's initial stance."""
    @property
    def leverage_residual(self) -> float:
        """Largest residual of the leverage solves."""
    @property
    def trajectory(self) -> npt.NDArray[np.float64]:
        """Stances x(0) .. x(T), shape (T + 1, n)."""
    @property
    def mean_initial(self) -> float:
        """Mean initial stance."""
    @property
    def mean_equilibrium(self) -> float:
        """Mean equilibrium stance."""
    @property
    def consensus_groups(self) -> int:
        """Closed groups of stubbornness-0 people."""
    @property
    def converges(self) -> bool:
        """False when a consensus group is periodic (stances oscillate)."""
    @property
    def solver(self) -> OpinionSolver:
        """Solver used for the largest system."""
    @property
    def iterations(self) -> int:
        """BiCGSTAB iterations in total (0 for sparse LU)."""
    @property
    def solved(self) -> bool:
        """False when a linear solve failed."""
    def frame(self, graph: InfluenceGraph) -> pd.DataFrame:
        """Equilibrium and leverage by person id, highest leverage first."""

def friedkin_johnsen(
    graph: InfluenceGraph,
    initial: _PerPerson | None = None,
    *,
    stubbornness: float | _PerPerson = 0.5,
    leverage: _Leverage = ...,
    target: str | int | None = None,
    trajectory_steps: int = 0,
    solver: _Solver = ...,
    tolerance: float = 1e-12,
    max_iterations: int = 10000,
) -> OpinionResult:
    """Friedkin–Johnsen equilibrium (sparse solve), leverage (one transposed solve) and trajectory."""

def degroot(
    graph: InfluenceGraph,
    initial: _PerPerson | None = None,
    *,
    leverage: _Leverage = ...,
    target: str | int | None = None,
    trajectory_steps: int = 0,
    solver: _Solver = ...,
    tolerance: float = 1e-12,
    max_iterations: int = 10000,
) -> OpinionResult:
    """DeGroot dynamics: friedkin_johnsen with stubbornness 0 for everyone."""

class ReachabilityMethod(_Enum):
    """What reachable_within means by probability: a cascade's, or the best chain's."""

    cascade: ClassVar[ReachabilityMethod]
    best_chain: ClassVar[ReachabilityMethod]
    __members__: ClassVar[dict[str, ReachabilityMethod]]

class ReachabilityResult:
    """Result of reachable_within."""

    @property
    def method(self) -> ReachabilityMethod:
        """The method used."""
    @property
    def max_steps(self) -> int:
        """h (0 = no limit)."""
    @property
    def min_probability(self) -> float:
        """p."""
    @property
    def probability(self) -> npt.NDArray[np.float64]:
        """Probability of being reached within h steps, by vertex id."""
    @property
    def steps(self) -> npt.NDArray[np.int64]:
        """best_chain: steps of the best chain (-1 if unreached); empty for cascade."""
    @property
    def reached(self) -> npt.NDArray[np.uint32]:
        """People with probability >= p, most probable first."""
    @property
    def uncertain(self) -> npt.NDArray[np.uint32]:
        """cascade: people whose confidence interval contains p."""
    @property
    def margin(self) -> float:
        """cascade: Hoeffding half-width of every probability."""

def reachable_within(
    graph: InfluenceGraph,
    seeds: _People,
    *,
    max_steps: int = 2,
    min_probability: float = 0.5,
    method: ReachabilityMethod | Literal["cascade", "best_chain"] = ...,
    model: _Model = ...,
    simulations: int = 10000,
    seed: int = 42,
    delta: float = 0.05,
    lt_weights: _LtWeights = ...,
    threads: int = 0,
) -> ReachabilityResult:
    """Who can be reached from ``seeds`` within ``max_steps`` steps with probability >= ``min_probability``."""

class CelfResult:
    """Result of celf_seeds: seeds in order, marginal gains, sampled spread."""

    @property
    def seeds(self) -> npt.NDArray[np.uint32]:
        """The chosen seeds in the order chosen."""
    @property
    def marginal_gain(self) -> npt.NDArray[np.float64]:
        """Expected additional reach of each seed."""
    @property
    def base_spread(self) -> float:
        """Sampled expected reach of the convinced people alone."""
    @property
    def spread(self) -> float:
        """Sampled expected reach of convinced + seeds."""
    @property
    def evaluations(self) -> int:
        """Marginal-gain evaluations performed."""
    @property
    def simulations(self) -> int:
        """Number of live-edge worlds."""
    @property
    def seed(self) -> int:
        """The random seed used."""

def celf_seeds(
    graph: InfluenceGraph,
    k: int = 10,
    *,
    model: _Model = ...,
    lt_weights: _LtWeights = ...,
    simulations: int = 1000,
    seed: int = 42,
    candidates: _People = None,
    convinced: _People = None,
    threads: int = 0,
) -> CelfResult:
    """Whom to start with: CELF lazy greedy over Monte Carlo spread (small graphs)."""
# ---- end of diffusion ----

# ---- persuasion ----
_ChainObjective = ChainObjective | Literal["most_probable", "widest", "fewest_steps", "probable", "fewest"]
_Person = str | int
_People = str | int | Iterable[str | int] | None
_Relations = str | int | Iterable[str | int] | None

class ChainObjective(_Enum):
    """What a best chain optimizes."""

    most_probable: ClassVar[ChainObjective]
    widest: ClassVar[ChainObjective]
    fewest_steps: ClassVar[ChainObjective]
    __members__: ClassVar[dict[str, ChainObjective]]

class ChainStatus(_Enum):
    """Outcome of a chain request."""

    found: ClassVar[ChainStatus]
    endpoint_avoided: ClassVar[ChainStatus]
    no_chain: ClassVar[ChainStatus]
    __members__: ClassVar[dict[str, ChainStatus]]

class Chain:
    """One chain of influence: people source ... target and the ties between them."""

    @property
    def people(self) -> npt.NDArray[np.uint32]: ...
    @property
    def ties(self) -> npt.NDArray[np.uint32]: ...
    @property
    def strengths(self) -> npt.NDArray[np.float64]: ...
    @property
    def probability(self) -> float: ...
    @property
    def length(self) -> float: ...
    @property
    def weakest(self) -> float: ...
    @property
    def steps(self) -> int: ...
    def __len__(self) -> int: ...

class ChainResult:
    """A best chain, or why there is none."""

    @property
    def status(self) -> ChainStatus: ...
    @property
    def reason(self) -> str: ...
    @property
    def chain(self) -> Chain: ...
    @property
    def found(self) -> bool: ...
    def __bool__(self) -> bool: ...

class KBestChainsResult:
    """The k most probable loopless chains, or why there is none."""

    @property
    def status(self) -> ChainStatus: ...
    @property
    def reason(self) -> str: ...
    @property
    def chains(self) -> list[Chain]: ...
    @property
    def found(self) -> bool: ...
    def __len__(self) -> int: ...

class ChainTree:
    """The best chain from one source to every person."""

    @property
    def source(self) -> int: ...
    @property
    def objective(self) -> ChainObjective: ...
    @property
    def probability(self) -> npt.NDArray[np.float64]: ...
    @property
    def weakest(self) -> npt.NDArray[np.float64]: ...
    @property
    def steps(self) -> npt.NDArray[np.int64]: ...
    @property
    def predecessor(self) -> npt.NDArray[np.int64]: ...
    def reached(self, v: int) -> bool: ...
    def chain_to(self, graph: InfluenceGraph, v: _Person) -> Chain: ...

def best_chain(
    graph: InfluenceGraph,
    source: _Person,
    target: _Person,
    *,
    objective: _ChainObjective = ...,
    avoid: _People = None,
    max_steps: int | None = None,
    max_level_skip: int | None = None,
    relations: _Relations = None,
) -> ChainResult:
    """The best chain of influence from source to target (most probable, widest or fewest steps)."""

def k_best_chains(
    graph: InfluenceGraph,
    source: _Person,
    target: _Person,
    k: int = 3,
    *,
    avoid: _People = None,
    max_steps: int | None = None,
    max_level_skip: int | None = None,
    relations: _Relations = None,
) -> KBestChainsResult:
    """The k most probable loopless chains from source to target (Yen's algorithm)."""

def best_chains_from(
    graph: InfluenceGraph,
    source: _Person,
    *,
    objective: _ChainObjective = ...,
    avoid: _People = None,
    max_steps: int | None = None,
    max_level_skip: int | None = None,
    relations: _Relations = None,
) -> ChainTree:
    """The best chain from source to every person."""

def chain_frame(graph: InfluenceGraph, chain: Chain) -> pd.DataFrame:
    """One row per step of a chain: from, to, strength, cumulative probability."""
class ApproachStep:
    """One person of the approach order, with why."""

    @property
    def person(self) -> int: ...
    @property
    def gain(self) -> float: ...
    @property
    def probability(self) -> float: ...
    @property
    def alone(self) -> float: ...
    @property
    def cost(self) -> float: ...
    @property
    def chains(self) -> list[Chain]: ...

class WinOverPlan:
    """Whom to convince first, in order, and the target's probability."""

    @property
    def target(self) -> int: ...
    @property
    def steps(self) -> list[ApproachStep]: ...
    @property
    def people(self) -> npt.NDArray[np.uint32]: ...
    @property
    def probability(self) -> float: ...
    @property
    def lower(self) -> float: ...
    @property
    def upper(self) -> float: ...
    @property
    def confidence(self) -> float: ...
    @property
    def selection_probability(self) -> float: ...
    @property
    def samples(self) -> int: ...
    @property
    def evaluation_samples(self) -> int: ...
    @property
    def optimum_lower_bound(self) -> float: ...
    @property
    def optimum_upper_bound(self) -> float: ...
    @property
    def guarantee(self) -> bool: ...
    @property
    def candidates(self) -> int: ...
    @property
    def goal(self) -> float | None: ...
    @property
    def goal_reached(self) -> bool: ...
    @property
    def epsilon(self) -> float: ...
    @property
    def delta(self) -> float: ...
    @property
    def seed(self) -> int: ...
    def __len__(self) -> int: ...

def win_over_plan(
    graph: InfluenceGraph,
    target: _Person,
    *,
    k: int = 3,
    epsilon: float = 0.1,
    delta: float = 0.05,
    seed: int = 1,
    threads: int = 0,
    candidates: _People = None,
    source: _Person | None = None,
    source_steps: int = 2,
    exclude_target_reports: bool = False,
    costs: Sequence[float] | Mapping[str | int, float] | None = None,
    budget: float = ...,
    max_samples: int = ...,
    chains_per_person: int = 1,
) -> WinOverPlan:
    """Whom to convince first so that target is convinced (Independent Cascade)."""

def smallest_win_over_set(
    graph: InfluenceGraph,
    target: _Person,
    goal: float,
    *,
    k: int = 0,
    epsilon: float = 0.1,
    delta: float = 0.05,
    seed: int = 1,
    threads: int = 0,
    candidates: _People = None,
    source: _Person | None = None,
    source_steps: int = 2,
    exclude_target_reports: bool = False,
    costs: Sequence[float] | Mapping[str | int, float] | None = None,
    budget: float = ...,
    max_samples: int = ...,
    chains_per_person: int = 1,
) -> WinOverPlan:
    """The fewest people whose sampled probability of winning target over reaches goal."""

def exact_win_probability(
    graph: InfluenceGraph, target: _Person, seeds: _People, *, max_uncertain: int = 20
) -> float:
    """P(target convinced | seeds convinced) exactly, by enumerating live-edge worlds."""

def approach_frame(graph: InfluenceGraph, plan: WinOverPlan) -> pd.DataFrame:
    """The approach order of a win-over plan as a table."""
# ---- end of persuasion ----

# ---- diffusion: influence maximization ----
class ImmResult:
    """Result of imm_seeds: seeds in order, marginal gains, spread with interval, IMM figures."""

    @property
    def seeds(self) -> npt.NDArray[np.uint32]:
        """The chosen seeds in the order chosen."""
    @property
    def marginal_gain(self) -> npt.NDArray[np.float64]:
        """Estimated expected additional reach of each seed."""
    @property
    def base_spread(self) -> float:
        """Estimated expected reach of the convinced people alone."""
    @property
    def spread(self) -> float:
        """Estimated expected reach of convinced + seeds."""
    @property
    def spread_low(self) -> float:
        """Lower end of the spread interval (confidence 1 - delta)."""
    @property
    def spread_high(self) -> float:
        """Upper end of the spread interval (confidence 1 - delta)."""
    @property
    def selection_gain(self) -> float:
        """The selection sets' own (optimistic) estimate of the seeds' gain."""
    @property
    def selection_upper(self) -> float:
        """Upper bound on the best k-set's gain on the selection sets."""
    @property
    def lower_bound(self) -> float:
        """Lower bound on OPT from the sampling phase."""
    @property
    def lambda_prime(self) -> float:
        """IMM's lambda' (sampling phase)."""
    @property
    def lambda_star(self) -> float:
        """IMM's lambda*."""
    @property
    def theta(self) -> int:
        """Number of selection RR sets."""
    @property
    def sampling_rr_sets(self) -> int:
        """RR sets drawn by the sampling phase."""
    @property
    def selection_rr_sets(self) -> int:
        """RR sets drawn for the selection."""
    @property
    def evaluation_rr_sets(self) -> int:
        """RR sets drawn for the estimates."""
    @property
    def rr_sets(self) -> int:
        """RR sets drawn in all."""
    @property
    def model(self) -> CascadeModel:
        """The diffusion model."""
    @property
    def k(self) -> int:
        """Seeds asked for."""
    @property
    def epsilon(self) -> float:
        """The approximation slack epsilon."""
    @property
    def delta(self) -> float:
        """The failure probability delta."""
    @property
    def seed(self) -> int:
        """The random seed used."""

def imm_seeds(
    graph: InfluenceGraph,
    k: int = 10,
    *,
    model: _Model = ...,
    lt_weights: _LtWeights = ...,
    epsilon: float = 0.1,
    delta: float = 0.05,
    seed: int = 42,
    candidates: _People = None,
    convinced: _People = None,
    threads: int = 0,
) -> ImmResult:
    """Whom to start with, with the (1 - 1/e - epsilon) guarantee: IMM under IC or LT."""

def seeds_frame(graph: InfluenceGraph, result: ImmResult | CelfResult) -> pd.DataFrame:
    """The seeds as a table: order, id, department, level, marginal gain, cumulative reach."""
# ---- end of diffusion: influence maximization ----

# ---- network_plan ----
class NetworkPlan:
    """One person's stakeholder map, coverage gaps, networking plan and management attention."""

    person: str
    influenced_by: pd.DataFrame
    influences: pd.DataFrame
    second_degree: pd.DataFrame
    chain_of_command: list[str]
    departments: pd.DataFrame
    levels: pd.DataFrame
    gaps: pd.DataFrame
    plan: pd.DataFrame
    unreachable: list[str]
    reason: str
    targets: int
    candidates: int
    largest_coverage: int
    bound_factor: float
    decision_maker: str
    attention: pd.DataFrame
    @property
    def contacts(self) -> list[str]:
        """The suggested contacts in order (person ids)."""

def network_plan(
    graph: InfluenceGraph,
    person: _Person,
    *,
    min_probability: float = 0.1,
    max_steps: int | None = 3,
    new_tie_strength: float = 0.5,
    candidates: str = "within_steps",
    candidate_steps: int = 2,
    peer_levels: int = 1,
    measure: str = "pagerank",
    top_members: int = 3,
    bridges: int = 3,
    plan_all_levels: bool = False,
    decision_maker: _Person | None = None,
    attention: int = 10,
    attention_rank: str = "chain",
) -> NetworkPlan:
    """The person's stakeholder map, coverage gaps and the fewest new ties reaching every department and the top."""

def management_attention(
    graph: InfluenceGraph,
    decision_maker: _Person | None = None,
    *,
    top: int = 10,
    rank_by: str = "chain",
    damping: float = 0.85,
) -> pd.DataFrame:
    """Whom the decision maker listens to: best chains and personalized PageRank towards them."""
# ---- end of network_plan ----

# ---- ingest ----
import datetime as _datetime

def ingest_events(
    events: str | os.PathLike[str] | pd.DataFrame,
    *,
    half_life: float | str | _datetime.timedelta | None = None,
    as_of: str | int | float | _datetime.datetime | None = None,
    people: Iterable[str] | InfluenceGraph | None = None,
    from_col: str = "from",
    to_col: str = "to",
    timestamp_col: str = "timestamp",
    channel_col: str | None = "channel",
    default_channel: str = "communication",
    delimiter: str = ",",
    min_weight: float | None = None,
    chunk_size: int = 1048576,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Aggregate communication events (from, to, timestamp, channel) into ties
    weighted by sum 2^(-(as_of - t) / half_life), streaming the file; returns
    (ties DataFrame, report dict)."""
# ---- end of ingest ----

# ---- report ----

def write_report(
    graph: InfluenceGraph,
    path: str | os.PathLike[str] | None = None,
    *,
    title: str = "",
    size_by: str = "pagerank",
    top: int = 10,
    path_from: str | None = None,
    path_to: str | None = None,
    pseudonymize: bool = False,
    pseudonym_salt: str = "",
    min_group_size: int = 0,
    seed: int = 42,
    permutations: int = 1000,
    max_sociogram_people: int = 500,
    threads: int = 0,
) -> str | None:
    """The self-contained HTML report (tables and an SVG sociogram); returns the HTML when path is None."""

def layout(
    graph: InfluenceGraph,
    *,
    seed: int = 42,
    iterations: int = 0,
    width: float = 1.0,
    height: float = 1.0,
    margin: float = 0.0,
    gravity: float = 0.1,
    initial_temperature: float = 0.1,
    weighted: bool = True,
    include: Sequence[bool] | None = None,
    threads: int = 0,
) -> npt.NDArray[np.float64]:
    """Seeded Fruchterman-Reingold layout of the undirected view: an (n, 2) array of x, y per vertex id."""

def pseudonyms(graph: InfluenceGraph, *, salt: str = "", prefix: str = "P") -> list[str]:
    """The pseudonym of every person by vertex id ("P0001", ...), in vertex order or by a keyed hash with a salt."""

def pseudonymize(graph: InfluenceGraph, *, salt: str = "", prefix: str = "P") -> InfluenceGraph:
    """The graph with pseudonyms as ids and no names, titles or free attributes (same results for every algorithm)."""
# ---- end of report ----
