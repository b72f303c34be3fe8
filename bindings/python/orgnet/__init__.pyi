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
    def __init__(self, direction: _Direction = ..., strength: _Rule = ...) -> None: ...
    @staticmethod
    def parse(text: str) -> RelationSpec: ...
    def __eq__(self, other: object) -> bool: ...

#: A relation spec: a RelationSpec, "direction[,rule]", a direction, or (direction, rule).
_Spec = RelationSpec | str | InfluenceDirection | tuple[_Direction] | tuple[_Direction, _Rule]
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
def top_k(graph: InfluenceGraph, scores: Any, k: int = 10, *, ascending: bool = False) -> pd.DataFrame: ...
def format_summary(graph: InfluenceGraph, format: _Format = ..., title: str = "") -> str: ...

# ---- logging ----------------------------------------------------------------------------

def set_log_level(level: _Level) -> None: ...
def log_level() -> LogLevel: ...
def set_log_callback(callback: Callable[[LogLevel, str], object] | None) -> None: ...

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
