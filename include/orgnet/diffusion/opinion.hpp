#pragma once
// Opinion dynamics: where stances settle (DeGroot, Friedkin–Johnsen) and whose
// initial stance moves the organization most (leverage).
//
// Model (Friedkin and Johnsen 1990). Each person v holds a stance x_v in
// [-1, 1] (x0: the initial stances; unknown = 0). Every step, v listens to the
// people who influence them and keeps part of their own initial stance:
//     x(t+1) = Lambda W x(t) + (I - Lambda) x0,
//   W[v][u] = s(u, v) / sum_w s(w, v)   (row v: v's in-tie strengths
//                                         normalized to sum 1),
//   W[v][v] = 1 for a person with no in-ties (they listen to nobody and keep
//            their stance),
//   Lambda  = diag(1 - stubbornness): stubbornness 1 never moves, 0 only
//            listens. DeGroot (1974) is stubbornness 0 for everyone.
//
// Equilibrium. x* = lim x(t) is found by a sparse linear solve (Eigen), not by
// iterating. Let a *consensus group* be a set C of people with stubbornness 0
// who listen only to each other (a strongly connected group with no in-tie
// from outside; a person with no in-ties and stubbornness 0 is a group of one).
// Inside C the dynamics are DeGroot's: x*_C = (pi_C . x0_C) 1, where pi_C is
// the stationary distribution of W_C (pi^T W_C = pi^T, sum 1, the left Perron
// eigenvector), found by one sparse solve per group. Everyone else (R) has
// spectral radius of (Lambda W)_RR below 1, so
//     (I - Lambda W)_RR x*_R = (I - Lambda)_R x0_R + (Lambda W)_RC x*_C
// has a unique solution. If some consensus group is periodic (its cycle
// lengths share a divisor > 1, e.g. two people who only listen to each other),
// x(t) oscillates forever: `converges` is false and the equilibrium reported
// is the long-run time average (the same formula). Zero stubbornness with
// several disconnected groups: each group reaches its own consensus; people
// who listen to several groups settle in between.
//
// residual = max_v |x*_v - (Lambda W x*)_v - (1 - lambda_v) x0_v|, the
// fixed-point residual over everyone (tests expect ~1e-12 or below).
//
// Leverage. x* is linear in x0: x* = A x0. The leverage of person j on a
// target weighting c (the mean: c = 1/n; one person t: c = e_t; a department
// D: c = 1/|D| on its members) is  L_j = d(c . x*) / d x0_j = (A^T c)_j, for
// everyone at once by one transposed solve
//     (I - Lambda W)_RR^T y = c_R,   L_R = (I - Lambda)_R y,
//     L_C = (sum_{i in C} c_i + sum_{i in R} y_i (Lambda W)_{i,C}) pi_C
// per consensus group C. This answers "whose opinion moves the organization
// most?"; leverage sums to 1 (each x*_v is a weighted average of x0, so
// A is row-stochastic) and is >= 0. leverage_residual is the largest residual
// of the transposed solve and the stationary-distribution solves.
//
// Solver: sparse LU (Eigen::SparseLU, COLAMD ordering; exact up to rounding)
// for systems of at most 200 unknowns with OpinionSolver::automatic; beyond,
// BiCGSTAB with a diagonal preconditioner to a relative residual
// ||b - A x|| / ||b|| of `tolerance`. (Influence graphs fill LU in badly: on a
// generated company with 10 ties per person, LU takes 0.2 s at 1,000 people
// and 25 s at 5,000, BiCGSTAB 10 ms; the iteration count grows like
// 1 / stubbornness.) `solved` is false when BiCGSTAB ran out of iterations or LU
// found the system singular (neither happens for valid inputs in exact
// arithmetic).
//
// Trajectory: the stances x(0) = x0, x(1), ..., x(T) for T =
// trajectory_steps, row-major ((T + 1) x n).
//
// Degenerate cases: empty graph: empty vectors, residual 0. Isolated people
// keep their initial stance and have leverage only on themselves. All
// stubbornness 1: x* = x0, leverage = c.
//
// References: M. H. DeGroot, "Reaching a consensus", JASA 69, 1974.
// doi:10.1080/01621459.1974.10480137. N. E. Friedkin and E. C. Johnsen,
// "Social influence and opinions", J. Math. Sociology 15, 1990.
// doi:10.1080/0022250X.1990.9990069.
//
// Complexity: O(n + m) to build W; the direct solve costs the sparse LU
// factorization (fill-in dependent), the iterative one O((n + m) iterations);
// the trajectory O(T (n + m)).

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

/// Whose equilibrium stance leverage is measured on.
enum class LeverageTarget {
  mean,        ///< The organization's mean stance.
  person,      ///< One person's stance (OpinionOptions::target_person).
  department,  ///< The mean stance of one department (OpinionOptions::target_department).
};

/// "mean", "person", "department".
[[nodiscard]] std::string_view to_string(LeverageTarget target);
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] LeverageTarget parse_leverage_target(std::string_view text);

/// How the linear systems are solved.
enum class OpinionSolver {
  automatic,  ///< direct up to 200 unknowns in a system, iterative beyond.
  direct,     ///< Sparse LU.
  iterative,  ///< BiCGSTAB with a diagonal preconditioner.
};

/// "automatic", "direct", "iterative".
[[nodiscard]] std::string_view to_string(OpinionSolver solver);
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] OpinionSolver parse_opinion_solver(std::string_view text);

struct OpinionOptions {
  /// Everyone's stubbornness in [0, 1], unless stubbornness_by_person is given.
  double stubbornness = 0.5;
  /// n values in [0, 1] by vertex id, or empty to use `stubbornness`.
  std::vector<double> stubbornness_by_person = {};
  /// Target of the leverage.
  LeverageTarget leverage = LeverageTarget::mean;
  /// LeverageTarget::person: the person.
  vertex_id target_person = no_vertex;
  /// LeverageTarget::department: the department.
  department_id target_department = no_department;
  /// Steps of trajectory to record (0 = none).
  std::size_t trajectory_steps = 0;
  OpinionSolver solver = OpinionSolver::automatic;
  /// Iterative solver: relative residual ||b - A x|| / ||b|| to reach; > 0.
  double tolerance = 1e-12;
  /// Iterative solver: at most this many BiCGSTAB iterations per solve.
  std::size_t max_iterations = 10000;
};

struct OpinionResult {
  /// Equilibrium stance x* of each person, by vertex id.
  std::vector<double> equilibrium;
  /// max_v |x*_v - (Lambda W x*)_v - (1 - lambda_v) x0_v|.
  double residual = 0.0;
  /// d(c . x*) / d x0_j for each person j (see the header comment).
  std::vector<double> leverage;
  /// Largest residual of the leverage solves.
  double leverage_residual = 0.0;
  /// x(0), ..., x(T), row-major: trajectory[t * n + v].
  std::vector<double> trajectory;
  std::size_t trajectory_steps = 0;
  /// Mean initial and equilibrium stance.
  double mean_initial = 0.0;
  double mean_equilibrium = 0.0;
  /// Number of consensus groups (closed groups of stubbornness-0 people).
  std::size_t consensus_groups = 0;
  /// False when a consensus group is periodic: stances then oscillate and the
  /// equilibrium is their long-run average.
  bool converges = true;
  /// The solver used for the largest system (automatic resolved).
  OpinionSolver solver = OpinionSolver::direct;
  /// Total BiCGSTAB iterations (0 for the direct solver).
  std::size_t iterations = 0;
  /// False when a solve failed (see the header comment).
  bool solved = true;
};

/// Friedkin–Johnsen equilibrium, leverage and trajectory from initial stances
/// `initial` (n values in [-1, 1], by vertex id).
/// Throws orgnet::invalid_argument for: `initial` or stubbornness_by_person of
/// the wrong length; a stance outside [-1, 1] or not finite; a stubbornness
/// outside [0, 1]; a non-positive tolerance; a leverage target person or
/// department that is missing (orgnet::out_of_range when out of range) or
/// given for another target, or a department with no members.
[[nodiscard]] OpinionResult friedkin_johnsen(const InfluenceGraph& graph, std::span<const double> initial,
                                             const OpinionOptions& options = {});

/// DeGroot: friedkin_johnsen with stubbornness 0 for everyone (the options'
/// stubbornness fields are ignored).
[[nodiscard]] OpinionResult degroot(const InfluenceGraph& graph, std::span<const double> initial,
                                    const OpinionOptions& options = {});

}  // namespace orgnet
