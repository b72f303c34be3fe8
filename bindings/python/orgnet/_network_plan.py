"""The networking plan of one person as pandas DataFrames (persuasion/network_plan.hpp)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import _orgnet


@dataclass(frozen=True)
class NetworkPlan:
    """One person's stakeholder map, coverage gaps, networking plan and
    management attention. Every table is keyed by person ids; chains are lists
    of person ids from the first person to the last."""

    #: The person the plan is for.
    person: str
    #: Who influences the person: person, strength, relations (strongest first).
    influenced_by: pd.DataFrame
    #: Whom the person influences: person, strength, relations.
    influences: pd.DataFrame
    #: People two ties away (either direction): person, common_contacts, via.
    second_degree: pd.DataFrame
    #: Manager, their manager, ..., the top.
    chain_of_command: list
    #: Per department: group, size, probability, covered, steps, member, chain, influential.
    departments: pd.DataFrame
    #: Per level (0 = top): the same columns (influential empty).
    levels: pd.DataFrame
    #: Uncovered departments and levels: kind, group, probability, bridges,
    #: bridge_probabilities, bridge_steps (best placed first).
    gaps: pd.DataFrame
    #: One row per (suggested contact, group it opens): order, contact,
    #: department, level, kind (new/strengthen), current_strength,
    #: current_reach, opens, previous_probability, probability, chain.
    plan: pd.DataFrame
    #: Groups no candidate can open, and why.
    unreachable: list
    reason: str
    #: Groups the plan had to open and candidates considered.
    targets: int
    candidates: int
    #: d, the most groups one candidate opens, and H(d) <= ln d + 1: the plan
    #: has at most H(d) times the fewest contacts possible.
    largest_coverage: int
    bound_factor: float
    #: Whom the decision maker listens to (see management_attention).
    decision_maker: str
    attention: pd.DataFrame = field(repr=False)

    @property
    def contacts(self) -> list:
        """The suggested contacts in order (person ids)."""
        return list(dict.fromkeys(self.plan["contact"]))


def network_plan(
    graph,
    person,
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
    decision_maker=None,
    attention: int = 10,
    attention_rank: str = "chain",
) -> NetworkPlan:
    """The networking plan of ``person`` (see docs/network-plan.md).

    A department or level is covered when the person's best chain into it (at
    most ``max_steps`` steps; None = no limit) has probability >= ``min_probability``.
    The plan is the greedy set cover of the uncovered departments and the top
    by candidate contacts (``candidates``: "within_steps" = people at most
    ``candidate_steps`` ties away, "peers" = level within ``peer_levels``,
    "everyone"), a new tie of strength ``new_tie_strength`` to a contact c
    opening a group when new_tie_strength * (c's best chain into it, at most
    max_steps - 1 steps) >= min_probability. Ties: more groups, larger
    probability sum, smaller vertex index.
    """
    cols = _orgnet._network_plan(
        graph, person, min_probability, max_steps, new_tie_strength, candidates, candidate_steps, peer_levels,
        measure, top_members, bridges, plan_all_levels, decision_maker, attention, attention_rank,
    )
    att = cols["attention"]
    return NetworkPlan(
        person=cols["person"],
        influenced_by=pd.DataFrame(cols["influenced_by"]),
        influences=pd.DataFrame(cols["influences"]),
        second_degree=pd.DataFrame(cols["second_degree"]),
        chain_of_command=list(cols["chain_of_command"]),
        departments=pd.DataFrame(cols["departments"]),
        levels=pd.DataFrame(cols["levels"]),
        gaps=pd.DataFrame(cols["gaps"]),
        plan=pd.DataFrame(cols["plan"]),
        unreachable=list(cols["unreachable"]),
        reason=cols["reason"],
        targets=cols["targets"],
        candidates=cols["candidates"],
        largest_coverage=cols["largest_coverage"],
        bound_factor=cols["bound_factor"],
        decision_maker=att["decision_maker"],
        attention=pd.DataFrame(att["people"]),
    )


def management_attention(
    graph, decision_maker=None, *, top: int = 10, rank_by: str = "chain", damping: float = 0.85
) -> pd.DataFrame:
    """Whom ``decision_maker`` (default: the top of the hierarchy) listens to:
    person, department, level, pagerank (PageRank personalized on the decision
    maker, flowing against the influence edges), chain_probability, steps and
    chain (the best chain to them), ranked by ``rank_by`` ("chain" or
    "pagerank"). The decision maker's id is in ``frame.attrs["decision_maker"]``."""
    cols = _orgnet._management_attention(graph, decision_maker, top, rank_by, damping)
    frame = pd.DataFrame(cols["people"])
    frame.attrs["decision_maker"] = cols["decision_maker"]
    return frame
