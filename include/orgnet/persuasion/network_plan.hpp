#pragma once
// Networking plan: one person's stakeholder map, the parts of the organization
// they have no good chain into, the fewest new contacts that would fix that,
// and whom management listens to.
//
// Reach. The person P reaches a group T of people (a department, or the people
// at one management level) with probability
//     reach(T) = max over v in T of P(best chain P -> v of at most h steps),
// the chains of persuasion/chains.hpp (most probable objective, strengths read
// as Independent Cascade probabilities, one best_chains_from search with
// max_steps = h). P's own department and level are reached with probability 1
// (the chain of zero steps). Ties between members: the more probable chain,
// then fewer steps, then the smaller vertex id. T is *covered* when
// reach(T) >= p. Defaults: p = min_probability = 0.1 and h = max_steps = 3
// (a chain of three people between you and them; on Krackhardt's weighted-
// cascade strengths a typical tie is 0.05..0.25, so one strong or two typical
// steps). max_steps = nullopt removes the limit (then reach is exactly
// NetworkX's single_source_dijkstra on -ln s).
//
// The top of the hierarchy is level 0 (the people without a manager when the
// levels are derived from the manager forest).
//
// Stakeholder map: P's direct ties in (who influences P) and out (whom P
// influences), each with its strength and the relations behind it; second-
// degree contacts (people two ties away, in either direction, who are not
// direct contacts), with how many direct contacts they share with P; the
// formal chain of command up to the top (model/hierarchy.hpp); for every
// department the best chain into it and its most influential members by a
// chosen centrality (centrality_table, influence exerted by default: PageRank).
//
// Coverage gaps: the departments and the levels that are not covered, each
// with the people best placed to bridge it: the candidate contacts c (below)
// a tie to whom would close the gap (t * q_c >= p, see below), by the most
// probable own chain into the group (at most h - 1 steps, not through P);
// ties by fewer steps, then vertex id.
//
// Networking plan. A new tie P -> c of assumed strength t (new_tie_strength,
// default 0.5; an existing tie P -> c weaker than t counts as strengthened to
// t) gives P the chains P -> c -> ... -> v, so it covers the group T when
//     t * q_c(T) >= p,   q_c(T) = max over v in T of P(best chain c -> v,
//                                   at most h - 1 steps, avoiding P)
// (q_c(T) = 1 when c is in T). New chains from several new ties never combine
// (a loopless chain leaves P once), so the plan is a set cover: cover every
// department and the top (level 0) not yet covered with the fewest
// candidates. The greedy algorithm takes, each round, the candidate covering
// the most uncovered groups; ties by the larger sum of the probabilities it
// gives them, then the smaller vertex id (deterministic). Its size is at most
// H(d) times the optimum, H(d) = 1 + 1/2 + ... + 1/d <= ln d + 1, where d is
// the largest number of groups one candidate covers (Johnson 1974; Chvátal,
// "A greedy heuristic for the set-covering problem", Math. Oper. Res. 4(3),
// 1979, doi:10.1287/moor.4.3.233). Groups no candidate covers are reported as
// unreachable with the reason.
//
// Candidates (CandidatePool): within_steps (default): people at most
// candidate_steps (default 2) ties away from P, ties read in either
// direction (someone who can introduce you); peers: people whose level is
// within peer_levels (default 1) of P's; everyone. P and people P already
// influences with strength >= t are never candidates.
//
// Management attention: for a decision maker D (default: the person at the
// top, level 0, with the most direct reports; ties by vertex id), the people
// whose influence on D is largest, by two figures:
//   chain     the probability of their best chain to D (best_chain; all of
//             them from one backward search of the chain machinery);
//   pagerank  PageRank personalized on D with the flow against the influence
//             edges (a walk that restarts at D and steps to whoever
//             influences the current person, in proportion to strength),
//             i.e. NetworkX's pagerank on the reversed graph with
//             personalization {D: 1}. It rewards many and circular routes
//             of influence (a group that influences itself and then D keeps
//             the walk), where the chain rewards one strong route.
// The list is ranked by `rank_by` (default chain), ties by the other figure,
// then vertex id; people with no chain to D and no PageRank are left out.
//
// Degenerate cases: a person alone is covered only in their own department
// and level; a graph without departments has no department targets; an
// unknown vertex throws orgnet::out_of_range; p outside (0, 1], t outside
// (0, 1], or max_steps = 0 throw orgnet::invalid_argument.
//
// Complexity: one O(h m) search from P, one search of h - 1 rounds per
// candidate c over the steps of strength >= p / t only (a weaker step makes
// a chain too weak to open anything, so this pruning changes no coverage),
// one centrality computation, and O(candidates * groups) per greedy round.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orgnet/centrality/centrality_table.hpp"
#include "orgnet/centrality/convergence.hpp"
#include "orgnet/centrality/ranking.hpp"
#include "orgnet/model/influence_graph.hpp"
#include "orgnet/persuasion/chains.hpp"

namespace orgnet {

enum class CandidatePool { within_steps, peers, everyone };
enum class AttentionRanking { chain, pagerank };

/// "chain", "pagerank".
[[nodiscard]] std::string_view to_string(AttentionRanking ranking);
/// Inverse of to_string; throws orgnet::invalid_argument.
[[nodiscard]] AttentionRanking parse_attention_ranking(std::string_view text);

/// "within_steps", "peers", "everyone".
[[nodiscard]] std::string_view to_string(CandidatePool pool);
/// Inverse of to_string ("within" and "all" accepted); throws orgnet::invalid_argument.
[[nodiscard]] CandidatePool parse_candidate_pool(std::string_view text);

struct ManagementAttentionOptions {
  /// The decision maker; nullopt = the top of the hierarchy (see header).
  std::optional<vertex_id> decision_maker;
  /// How many people to list.
  std::size_t top = 10;
  AttentionRanking rank_by = AttentionRanking::chain;
  double damping = 0.85;
};

struct NetworkPlanOptions {
  /// p: a group is covered by a chain of at least this probability. (0, 1].
  double min_probability = 0.1;
  /// h: chains of at most this many steps; nullopt = no limit. >= 1.
  std::optional<std::size_t> max_steps = 3;
  /// t: assumed strength of a new or strengthened tie. (0, 1].
  double new_tie_strength = 0.5;
  CandidatePool candidates = CandidatePool::within_steps;
  /// For within_steps: ties away from the person (either direction).
  std::size_t candidate_steps = 2;
  /// For peers: largest level difference.
  int peer_levels = 1;
  /// Centrality ranking each department's most influential members.
  Measure measure = Measure::pagerank;
  /// Influential members listed per department.
  std::size_t top_members = 3;
  /// Bridges listed per gap.
  std::size_t bridges = 3;
  /// Also plan for every uncovered level (not only the top).
  bool plan_all_levels = false;
  ManagementAttentionOptions attention;
};

/// A direct tie of the person.
struct DirectTie {
  vertex_id person = no_vertex;  ///< the other end
  double strength = 0.0;
  std::vector<std::string> relations;  ///< names of the relations behind it
};

struct SecondDegreeContact {
  vertex_id person = no_vertex;
  std::size_t common_contacts = 0;  ///< direct contacts of P tied to them
  vertex_id via = no_vertex;        ///< the common contact with the smallest id
};

enum class GroupKind { department, level };

/// A department or a management level.
struct OrgGroup {
  GroupKind kind = GroupKind::department;
  int value = 0;      ///< department id or level
  std::string label;  ///< department name, "top (level 0)" or "level N"
};

/// How well the person reaches a group.
struct GroupReach {
  OrgGroup group;
  std::size_t size = 0;      ///< members
  double probability = 0.0;  ///< best chain into the group (0: none)
  bool covered = false;      ///< probability >= p
  Chain chain;               ///< that chain (empty people when none)
  /// Most influential members (departments only).
  std::vector<RankedPerson> influential;
};

struct StakeholderMap {
  vertex_id person = no_vertex;
  std::vector<DirectTie> influenced_by;            ///< ties in, by decreasing strength then id
  std::vector<DirectTie> influences;               ///< ties out, same order
  std::vector<SecondDegreeContact> second_degree;  ///< by common contacts desc, then id
  std::vector<vertex_id> chain_of_command;         ///< manager, their manager, ..., top
  std::vector<GroupReach> departments;             ///< by department id
  std::vector<GroupReach> levels;                  ///< by level, 0 first
};

/// Someone who could bridge a gap.
struct GapBridge {
  vertex_id person = no_vertex;
  double probability = 0.0;      ///< q: their best chain into the group
  std::size_t steps = 0;         ///< its steps
  vertex_id member = no_vertex;  ///< where it ends
  double current_reach = 0.0;    ///< P's best chain to them today (within h)
};

struct CoverageGap {
  OrgGroup group;
  double probability = 0.0;        ///< P's best today
  std::vector<GapBridge> bridges;  ///< best placed first
};

/// What one suggested contact opens.
struct Opening {
  OrgGroup group;
  double previous_probability = 0.0;  ///< before the plan
  double probability = 0.0;           ///< t * q through the new tie
  Chain chain;                        ///< contact -> ... -> member
};

struct PlanStep {
  vertex_id contact = no_vertex;
  bool strengthen = false;        ///< an existing weaker tie
  double current_strength = 0.0;  ///< of the existing tie P -> contact (0 when new)
  double current_reach = 0.0;     ///< P's best chain to the contact today
  std::vector<Opening> opens;     ///< groups it covers that were still open
};

struct NetworkingPlan {
  std::vector<PlanStep> steps;
  /// Groups to cover (uncovered departments and the top, or every level).
  std::size_t targets = 0;
  /// Groups no candidate can cover, and why.
  std::vector<OrgGroup> unreachable;
  std::string reason;
  std::size_t candidates = 0;  ///< candidates considered
  /// d: the most groups one candidate covers; H(d) the greedy guarantee.
  std::size_t largest_coverage = 0;
  double bound_factor = 1.0;  ///< H(d) <= ln d + 1: size <= H(d) * optimum
  [[nodiscard]] bool complete() const noexcept { return unreachable.empty(); }
};

struct AttentionEntry {
  vertex_id person = no_vertex;
  double score = 0.0;  ///< personalized PageRank towards the decision maker
  Chain chain;         ///< best chain person -> decision maker (empty when none)
};

struct ManagementAttention {
  vertex_id decision_maker = no_vertex;
  std::vector<AttentionEntry> people;  ///< ranked by rank_by (see header); D excluded
  Convergence convergence;
};

struct NetworkPlanResult {
  NetworkPlanOptions options;
  StakeholderMap map;
  std::vector<CoverageGap> gaps;  ///< departments first, then levels
  NetworkingPlan plan;
  ManagementAttention attention;
};

/// The person's stakeholder map, coverage gaps, networking plan and management
/// attention (see the header comment).
[[nodiscard]] NetworkPlanResult network_plan(const InfluenceGraph& graph, vertex_id person,
                                             const NetworkPlanOptions& options = {});

/// Whom the decision maker listens to (see the header comment). Throws
/// orgnet::out_of_range for an unknown decision maker, invalid_argument for a
/// damping outside [0, 1) or an empty graph.
[[nodiscard]] ManagementAttention management_attention(const InfluenceGraph& graph,
                                                       const ManagementAttentionOptions& options = {});

/// The default decision maker: the level-0 person with the most direct
/// reports, ties by vertex id (no_vertex for an empty graph).
[[nodiscard]] vertex_id top_of_hierarchy(const InfluenceGraph& graph);

}  // namespace orgnet
