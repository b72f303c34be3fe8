#include "orgnet/diffusion/opinion.hpp"

// Eigen's OpenMP sparse products cost more than they save here (one parallel
// region per product, a few milliseconds of work each) and would make timings
// depend on the machine's load: solve on the calling thread.
#define EIGEN_DONT_PARALLELIZE
#include <Eigen/IterativeLinearSolvers>
#include <Eigen/OrderingMethods>
#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>

#include "orgnet/error.hpp"
#include "orgnet/io/csv_writer.hpp"
#include "orgnet/structure/components.hpp"

namespace orgnet {

std::string_view to_string(LeverageTarget target) {
  switch (target) {
    case LeverageTarget::mean:
      return "mean";
    case LeverageTarget::person:
      return "person";
    case LeverageTarget::department:
      return "department";
  }
  return "?";
}

LeverageTarget parse_leverage_target(std::string_view text) {
  for (auto t : {LeverageTarget::mean, LeverageTarget::person, LeverageTarget::department}) {
    if (text == to_string(t)) return t;
  }
  throw invalid_argument("unknown leverage target '" + std::string(text) + "' (expected mean, person or department)");
}

std::string_view to_string(OpinionSolver solver) {
  switch (solver) {
    case OpinionSolver::automatic:
      return "automatic";
    case OpinionSolver::direct:
      return "direct";
    case OpinionSolver::iterative:
      return "iterative";
  }
  return "?";
}

OpinionSolver parse_opinion_solver(std::string_view text) {
  for (auto s : {OpinionSolver::automatic, OpinionSolver::direct, OpinionSolver::iterative}) {
    if (text == to_string(s)) return s;
  }
  throw invalid_argument("unknown opinion solver '" + std::string(text) +
                         "' (expected automatic, direct or iterative)");
}

namespace {

/// Systems up to this many unknowns are solved by sparse LU under `automatic`.
constexpr std::size_t direct_limit = 200;

using Triplet = Eigen::Triplet<double, std::int64_t>;

/// W by rows: the people v listens to and how much (row sums 1).
struct Listening {
  std::vector<std::size_t> offsets;  // n + 1
  std::vector<vertex_id> source;     // u
  std::vector<double> weight;        // W[v][u]
};

Listening listening(const InfluenceGraph& g) {
  const std::size_t n = g.num_vertices();
  const auto in_offsets = g.in_offsets();
  const auto in_sources = g.in_sources();
  const auto in_edges = g.in_edge_ids();
  const auto strengths = g.strengths();
  Listening w;
  w.offsets.resize(n + 1, 0);
  w.source.reserve(g.num_edges() + n);
  w.weight.reserve(g.num_edges() + n);
  for (vertex_id v = 0; v < n; ++v) {
    const edge_id begin = in_offsets[v], end = in_offsets[v + 1];
    if (begin == end) {
      w.source.push_back(v);  // listens to nobody: keeps their stance
      w.weight.push_back(1.0);
    } else {
      double total = 0.0;
      for (edge_id k = begin; k < end; ++k) total += strengths[in_edges[k]];
      for (edge_id k = begin; k < end; ++k) {
        w.source.push_back(in_sources[k]);
        w.weight.push_back(strengths[in_edges[k]] / total);
      }
    }
    w.offsets[v + 1] = w.source.size();
  }
  return w;
}

struct Solution {
  std::vector<double> x;
  std::size_t iterations = 0;
  bool ok = true;
};

/// Solves A x = b (or A^T x = b) for the size x size matrix given by triplets.
Solution solve(std::size_t size, const std::vector<Triplet>& triplets, bool transpose, const std::vector<double>& b,
               OpinionSolver solver, const OpinionOptions& options) {
  Solution out;
  out.x.assign(size, 0.0);
  if (size == 0) return out;
  const auto dim = static_cast<Eigen::Index>(size);
  Eigen::Map<const Eigen::VectorXd> rhs(b.data(), dim);
  std::vector<Triplet> entries;
  const std::vector<Triplet>* use = &triplets;
  if (transpose) {
    entries.reserve(triplets.size());
    for (const auto& t : triplets) entries.emplace_back(t.col(), t.row(), t.value());
    use = &entries;
  }
  if (solver == OpinionSolver::direct) {
    Eigen::SparseMatrix<double> a(dim, dim);
    a.setFromTriplets(use->begin(), use->end());
    a.makeCompressed();
    Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
    lu.analyzePattern(a);
    lu.factorize(a);
    if (lu.info() != Eigen::Success) {
      out.ok = false;
      return out;
    }
    Eigen::VectorXd x = lu.solve(rhs);
    out.ok = lu.info() == Eigen::Success;
    std::copy(x.data(), x.data() + dim, out.x.begin());
    return out;
  }
  Eigen::SparseMatrix<double, Eigen::RowMajor> a(dim, dim);
  a.setFromTriplets(use->begin(), use->end());
  a.makeCompressed();
  Eigen::BiCGSTAB<Eigen::SparseMatrix<double, Eigen::RowMajor>, Eigen::DiagonalPreconditioner<double>> bicg;
  bicg.setTolerance(options.tolerance);
  bicg.setMaxIterations(static_cast<Eigen::Index>(std::max<std::size_t>(1, options.max_iterations)));
  bicg.compute(a);
  Eigen::VectorXd x = bicg.solve(rhs);
  out.iterations = static_cast<std::size_t>(bicg.iterations());
  out.ok = bicg.info() == Eigen::Success;
  std::copy(x.data(), x.data() + dim, out.x.begin());
  return out;
}

OpinionSolver resolve(OpinionSolver requested, std::size_t size) {
  if (requested != OpinionSolver::automatic) return requested;
  return size <= direct_limit ? OpinionSolver::direct : OpinionSolver::iterative;
}

/// Max-norm of A x - b (or A^T x - b) for the triplet matrix.
double residual_of(std::size_t size, const std::vector<Triplet>& triplets, bool transpose, const std::vector<double>& x,
                   const std::vector<double>& b) {
  std::vector<double> r(size, 0.0);
  for (const auto& t : triplets) {
    const auto row = static_cast<std::size_t>(transpose ? t.col() : t.row());
    const auto col = static_cast<std::size_t>(transpose ? t.row() : t.col());
    r[row] += t.value() * x[col];
  }
  double worst = 0.0;
  for (std::size_t i = 0; i < size; ++i) worst = std::max(worst, std::abs(r[i] - b[i]));
  return worst;
}

}  // namespace

OpinionResult friedkin_johnsen(const InfluenceGraph& graph, std::span<const double> initial,
                               const OpinionOptions& options) {
  const std::string function = "friedkin_johnsen";
  const std::size_t n = graph.num_vertices();
  if (initial.size() != n) {
    throw invalid_argument(function + ": initial has " + std::to_string(initial.size()) +
                           " stances, expected one per person (" + std::to_string(n) + ")");
  }
  for (vertex_id v = 0; v < n; ++v) {
    if (!(initial[v] >= -1.0 && initial[v] <= 1.0)) {
      throw invalid_argument(function + ": initial stance of '" + graph.id(v) + "' is " + format_number(initial[v]) +
                             ", outside [-1, 1]");
    }
  }
  std::vector<double> sigma;  // stubbornness
  if (options.stubbornness_by_person.empty()) {
    if (!(options.stubbornness >= 0.0 && options.stubbornness <= 1.0)) {
      throw invalid_argument(function + ": stubbornness = " + format_number(options.stubbornness) +
                             " must lie in [0, 1]");
    }
    sigma.assign(n, options.stubbornness);
  } else {
    if (options.stubbornness_by_person.size() != n) {
      throw invalid_argument(function + ": stubbornness_by_person has " +
                             std::to_string(options.stubbornness_by_person.size()) + " values, expected " +
                             std::to_string(n));
    }
    sigma = options.stubbornness_by_person;
    for (vertex_id v = 0; v < n; ++v) {
      if (!(sigma[v] >= 0.0 && sigma[v] <= 1.0)) {
        throw invalid_argument(function + ": stubbornness of '" + graph.id(v) + "' is " + format_number(sigma[v]) +
                               ", outside [0, 1]");
      }
    }
  }
  if (!(options.tolerance > 0.0) || !std::isfinite(options.tolerance)) {
    throw invalid_argument(function + ": tolerance = " + format_number(options.tolerance) + " must be > 0");
  }
  // The target weighting c of the leverage.
  std::vector<double> c(n, 0.0);
  switch (options.leverage) {
    case LeverageTarget::mean:
      if (options.target_person != no_vertex || options.target_department != no_department) {
        throw invalid_argument(function +
                               ": target_person / target_department are only read for leverage = person "
                               "/ department");
      }
      for (auto& x : c) x = 1.0 / static_cast<double>(n);
      break;
    case LeverageTarget::person:
      if (options.target_person == no_vertex) {
        throw invalid_argument(function + ": leverage = person needs target_person");
      }
      if (options.target_person >= n) {
        throw out_of_range(function + ": target_person " + std::to_string(options.target_person) +
                           " is out of range (graph has " + std::to_string(n) + " people)");
      }
      c[options.target_person] = 1.0;
      break;
    case LeverageTarget::department: {
      const department_id d = options.target_department;
      if (d == no_department) throw invalid_argument(function + ": leverage = department needs target_department");
      if (d < 0 || static_cast<std::size_t>(d) >= graph.num_departments()) {
        throw out_of_range(function + ": target_department " + std::to_string(d) + " is out of range (graph has " +
                           std::to_string(graph.num_departments()) + " departments)");
      }
      const auto members = graph.department_members(d);
      if (members.empty()) {
        throw invalid_argument(function + ": department '" + graph.department_name(d) + "' has no members");
      }
      for (vertex_id v : members) c[v] = 1.0 / static_cast<double>(members.size());
      break;
    }
  }

  OpinionResult result;
  if (n == 0) return result;
  const Listening w = listening(graph);
  std::vector<double> lambda(n);
  for (std::size_t v = 0; v < n; ++v) lambda[v] = 1.0 - sigma[v];

  // ---- consensus groups: closed strong components of stubbornness-0 people
  const ComponentsResult scc = strong_components(graph);
  const std::size_t components = scc.count();
  std::vector<char> closed(components, 1), all_zero(components, 1);
  for (vertex_id v = 0; v < n; ++v) {
    const auto comp = scc.component[v];
    if (sigma[v] != 0.0) all_zero[comp] = 0;
    for (vertex_id u : graph.in_neighbors(v)) {
      if (scc.component[u] != comp) closed[comp] = 0;
    }
  }
  constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);
  std::vector<std::uint32_t> group_of_component(components, none);
  std::vector<std::vector<vertex_id>> groups;
  for (vertex_id v = 0; v < n; ++v) {
    const auto comp = scc.component[v];
    if (!(closed[comp] && all_zero[comp])) continue;
    if (group_of_component[comp] == none) {
      group_of_component[comp] = static_cast<std::uint32_t>(groups.size());
      groups.emplace_back();
    }
    groups[group_of_component[comp]].push_back(v);
  }
  std::vector<std::uint32_t> group(n, none);
  std::vector<std::size_t> local(n, 0);  // index within the group, or within R
  for (std::size_t k = 0; k < groups.size(); ++k) {
    for (std::size_t i = 0; i < groups[k].size(); ++i) {
      group[groups[k][i]] = static_cast<std::uint32_t>(k);
      local[groups[k][i]] = i;
    }
  }
  result.consensus_groups = groups.size();

  std::size_t largest = 0;
  std::vector<double> pi(n, 0.0);
  std::vector<double> x(n, 0.0);
  double pi_residual = 0.0;
  for (const auto& members : groups) {
    const std::size_t size = members.size();
    largest = std::max(largest, size - 1);
    if (size == 1) {
      pi[members[0]] = 1.0;
    } else {
      // pi_r = 1 for r = members[0]; for j != r: pi_j - sum_{i != r} W[i][j] pi_i = W[r][j].
      const vertex_id r = members[0];
      std::vector<Triplet> t;
      std::vector<double> b(size - 1, 0.0);
      for (std::size_t j = 1; j < size; ++j) t.emplace_back(j - 1, j - 1, 1.0);
      for (vertex_id i : members) {
        for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
          const vertex_id j = w.source[k];
          if (j == r) continue;
          if (i == r) {
            b[local[j] - 1] += w.weight[k];
          } else {
            t.emplace_back(local[j] - 1, local[i] - 1, -w.weight[k]);
          }
        }
      }
      const OpinionSolver kind = resolve(options.solver, size - 1);
      const Solution s = solve(size - 1, t, false, b, kind, options);
      result.iterations += s.iterations;
      result.solved = result.solved && s.ok;
      double total = 1.0;
      for (double p : s.x) total += p;
      pi[r] = 1.0 / total;
      for (std::size_t j = 1; j < size; ++j) pi[members[j]] = s.x[j - 1] / total;
      // Period: gcd over listening ties i -> j of level(i) + 1 - level(j).
      std::vector<std::int64_t> level(size, -1);
      std::vector<vertex_id> queue{r};
      level[0] = 0;
      for (std::size_t q = 0; q < queue.size(); ++q) {
        const vertex_id i = queue[q];
        for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
          const vertex_id j = w.source[k];
          if (level[local[j]] < 0) {
            level[local[j]] = level[local[i]] + 1;
            queue.push_back(j);
          }
        }
      }
      std::int64_t period = 0;
      for (vertex_id i : members) {
        for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
          period = std::gcd(period, std::abs(level[local[i]] + 1 - level[local[w.source[k]]]));
        }
      }
      if (period != 1) result.converges = false;
    }
    double consensus = 0.0;
    for (vertex_id v : members) consensus += pi[v] * initial[v];
    for (vertex_id v : members) x[v] = consensus;
    // Residual of pi^T W_C = pi^T.
    std::vector<double> flow(size, 0.0);
    for (vertex_id i : members) {
      for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) flow[local[w.source[k]]] += pi[i] * w.weight[k];
    }
    for (vertex_id j : members) pi_residual = std::max(pi_residual, std::abs(flow[local[j]] - pi[j]));
  }

  // ---- everyone else: (I - Lambda W)_RR x_R = sigma_R x0_R + (Lambda W)_RC x_C
  std::vector<vertex_id> rest;
  for (vertex_id v = 0; v < n; ++v) {
    if (group[v] == none) {
      local[v] = rest.size();
      rest.push_back(v);
    }
  }
  const std::size_t size = rest.size();
  std::vector<Triplet> t;
  t.reserve(w.source.size());
  std::vector<double> b(size, 0.0);
  for (std::size_t i = 0; i < size; ++i) {
    const vertex_id v = rest[i];
    b[i] = sigma[v] * initial[v];
    double diagonal = 1.0;
    for (std::size_t k = w.offsets[v]; k < w.offsets[v + 1]; ++k) {
      const vertex_id u = w.source[k];
      const double m = lambda[v] * w.weight[k];
      if (u == v) {
        diagonal -= m;
      } else if (group[u] != none) {
        b[i] += m * x[u];
      } else if (m != 0.0) {
        t.emplace_back(i, local[u], -m);
      }
    }
    t.emplace_back(i, i, diagonal);
  }
  const OpinionSolver kind = resolve(options.solver, std::max(size, largest));
  const Solution equilibrium = solve(size, t, false, b, resolve(options.solver, size), options);
  result.iterations += equilibrium.iterations;
  result.solved = result.solved && equilibrium.ok;
  for (std::size_t i = 0; i < size; ++i) x[rest[i]] = equilibrium.x[i];
  result.solver = kind;

  // ---- leverage: (I - Lambda W)_RR^T y = c_R
  std::vector<double> c_rest(size);
  for (std::size_t i = 0; i < size; ++i) c_rest[i] = c[rest[i]];
  const Solution y = solve(size, t, true, c_rest, resolve(options.solver, size), options);
  result.iterations += y.iterations;
  result.solved = result.solved && y.ok;
  result.leverage.assign(n, 0.0);
  std::vector<double> group_weight(groups.size(), 0.0);
  for (std::size_t k = 0; k < groups.size(); ++k) {
    for (vertex_id v : groups[k]) group_weight[k] += c[v];
  }
  for (std::size_t i = 0; i < size; ++i) {
    const vertex_id v = rest[i];
    result.leverage[v] = sigma[v] * y.x[i];
    for (std::size_t k = w.offsets[v]; k < w.offsets[v + 1]; ++k) {
      const vertex_id u = w.source[k];
      if (group[u] != none) group_weight[group[u]] += y.x[i] * lambda[v] * w.weight[k];
    }
  }
  for (std::size_t k = 0; k < groups.size(); ++k) {
    for (vertex_id v : groups[k]) result.leverage[v] = group_weight[k] * pi[v];
  }
  result.leverage_residual = std::max(pi_residual, residual_of(size, t, true, y.x, c_rest));

  // ---- fixed-point residual over everyone
  double worst = 0.0;
  for (vertex_id v = 0; v < n; ++v) {
    double pulled = 0.0;
    for (std::size_t k = w.offsets[v]; k < w.offsets[v + 1]; ++k) pulled += w.weight[k] * x[w.source[k]];
    worst = std::max(worst, std::abs(x[v] - lambda[v] * pulled - sigma[v] * initial[v]));
  }
  result.residual = worst;
  result.equilibrium = std::move(x);
  result.mean_initial = std::accumulate(initial.begin(), initial.end(), 0.0) / static_cast<double>(n);
  result.mean_equilibrium =
      std::accumulate(result.equilibrium.begin(), result.equilibrium.end(), 0.0) / static_cast<double>(n);

  // ---- trajectory
  if (options.trajectory_steps > 0) {
    const std::size_t steps = options.trajectory_steps;
    result.trajectory_steps = steps;
    result.trajectory.resize((steps + 1) * n);
    std::copy(initial.begin(), initial.end(), result.trajectory.begin());
    for (std::size_t s = 1; s <= steps; ++s) {
      const double* previous = result.trajectory.data() + (s - 1) * n;
      double* next = result.trajectory.data() + s * n;
      for (vertex_id v = 0; v < n; ++v) {
        double pulled = 0.0;
        for (std::size_t k = w.offsets[v]; k < w.offsets[v + 1]; ++k) pulled += w.weight[k] * previous[w.source[k]];
        next[v] = lambda[v] * pulled + sigma[v] * initial[v];
      }
    }
  }
  return result;
}

OpinionResult degroot(const InfluenceGraph& graph, std::span<const double> initial, const OpinionOptions& options) {
  OpinionOptions zero = options;
  zero.stubbornness = 0.0;
  zero.stubbornness_by_person.clear();
  return friedkin_johnsen(graph, initial, zero);
}

}  // namespace orgnet
