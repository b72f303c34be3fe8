// Eigenvector, PageRank, Katz and HITS (centrality/eigenvector.hpp,
// pagerank.hpp, katz.hpp, hits.hpp). Expected values are derived by hand in the
// comments; NetworkX and igraph are the oracles of tests/python.

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "orgnet/centrality/eigenvector.hpp"
#include "orgnet/centrality/hits.hpp"
#include "orgnet/centrality/katz.hpp"
#include "orgnet/centrality/pagerank.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/io/datasets.hpp"
#include "orgnet/model/generators.hpp"
#include "orgnet/model/graph_builder.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using Edges = std::initializer_list<std::tuple<const char*, const char*, double>>;

// People in the order given (then any named only by edges); each edge u -> v
// carries strength s as is.
InfluenceGraph graph_of(std::initializer_list<const char*> people, Edges edges) {
  RelationMap relations;
  relations.set("influence", {InfluenceDirection::source_to_target, StrengthRule::as_is});
  GraphBuilder b({.relations = relations, .unknown_people = UnknownPersonPolicy::create, .hierarchy_relation = ""});
  for (const char* p : people) b.add_person({.id = p});
  for (auto [u, v, s] : edges) b.add_tie(u, v, "influence", s);
  return std::move(b).build();
}

//   a -> b -> c -> a
InfluenceGraph cycle3() { return graph_of({"a", "b", "c"}, {{"a", "b", 1.0}, {"b", "c", 0.5}, {"c", "a", 0.25}}); }

void expect_near(const std::vector<double>& actual, const std::vector<double>& expected, double tolerance = 1e-9) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_NEAR(actual[i], expected[i], tolerance) << "at index " << i;
  }
}

double sum(const std::vector<double>& x) { return std::accumulate(x.begin(), x.end(), 0.0); }

// The message of the orgnet::invalid_argument that `f` throws contains every
// fragment.
template <class F>
void expect_error(F&& f, std::initializer_list<const char*> fragments) {
  const std::string message = test::invalid_argument_message(std::forward<F>(f));
  for (const char* fragment : fragments) {
    EXPECT_NE(message.find(fragment), std::string::npos) << "'" << fragment << "' not in: " << message;
  }
}

// A company large enough (n + m above the parallel threshold, several blocks)
// for the threads to share the work.
const InfluenceGraph& company() {
  static const InfluenceGraph g = generate_company({.people = 6000, .departments = 6, .seed = 11});
  return g;
}

// ---- PageRank ----------------------------------------------------------------------

TEST(PageRank, CycleIsUniform) {
  // Every walk step moves around the cycle, whatever the strengths.
  const PageRankResult r = pagerank(cycle3());
  expect_near(r.score, {1.0 / 3, 1.0 / 3, 1.0 / 3}, 1e-15);
  EXPECT_TRUE(r.convergence.converged);
  EXPECT_LE(r.convergence.iterations, 2u);
}

//   c -> l1, c -> l2, c -> l3 (leaves are dangling), damping d = 0.85.
//   The leaves' mass D = 3 x_l is spread uniformly (personalization 1/4):
//     x_c = d D / 4 + (1 - d) / 4,   x_c + 3 x_l = 1
//   => x_c = (1 - d x_c) / 4 => x_c = 1 / (4 + d),  x_l = (3 + d) / (3 (4 + d)).
TEST(PageRank, StarWithDanglingLeaves) {
  const InfluenceGraph g = graph_of({"c", "l1", "l2", "l3"}, {{"c", "l1", 1.0}, {"c", "l2", 0.3}, {"c", "l3", 1.0}});
  const double d = 0.85;
  const double leaf = (3 + d) / (3 * (4 + d));
  const PageRankResult unweighted = pagerank(g, {.weighted = false, .tolerance = 1e-15});
  expect_near(unweighted.score, {1 / (4 + d), leaf, leaf, leaf}, 1e-12);
  EXPECT_TRUE(unweighted.convergence.converged);
  EXPECT_NEAR(sum(unweighted.score), 1.0, 1e-14);
}

//   a -> b (1), a -> c (0.25), b -> a (1), c -> a (1): from a the walk goes to
//   b with probability 1 / 1.25 = 0.8 and to c with 0.2. With d = 0.85:
//     x_a = d (x_b + x_c) + (1 - d)/3 = d (1 - x_a) + 0.05  =>  x_a = 0.9 / 1.85
//     x_b = 0.8 d x_a + 0.05,   x_c = 0.2 d x_a + 0.05
TEST(PageRank, StrengthsSteerTheWalk) {
  const InfluenceGraph g =
      graph_of({"a", "b", "c"}, {{"a", "b", 1.0}, {"a", "c", 0.25}, {"b", "a", 1.0}, {"c", "a", 1.0}});
  const double xa = 0.9 / 1.85;
  expect_near(pagerank(g, {.tolerance = 1e-15}).score, {xa, 0.68 * xa + 0.05, 0.17 * xa + 0.05}, 1e-12);
  // Unweighted: b and c are alike.
  const double ua = (0.85 + 0.05) / 1.85;
  expect_near(pagerank(g, {.weighted = false, .tolerance = 1e-15}).score, {ua, 0.425 * ua + 0.05, 0.425 * ua + 0.05},
              1e-12);
}

//   a -> b, restart only at a (personalization (1, 0)); b is dangling.
//   personalization: b's mass returns to a:  x_a = d x_b + (1 - d), x_b = d x_a
//                    => x_a = 1 / (1 + d), x_b = d / (1 + d)
//   uniform:         x_a = d x_b / 2 + (1 - d), x_b = 1 - x_a
//                    => x_a = (2 - d) / (2 + d), x_b = 2 d / (2 + d)
//   given (0, 1):    b's mass stays at b: x_a = 1 - d, x_b = d
TEST(PageRank, DanglingPolicies) {
  const InfluenceGraph g = graph_of({"a", "b"}, {{"a", "b", 0.5}});
  const double d = 0.85;
  const std::vector<double> p{1.0, 0.0};
  expect_near(pagerank(g, {.personalization = p, .tolerance = 1e-15}).score, {1 / (1 + d), d / (1 + d)}, 1e-12);
  expect_near(pagerank(g, {.personalization = p, .dangling = DanglingPolicy::uniform, .tolerance = 1e-15}).score,
              {(2 - d) / (2 + d), 2 * d / (2 + d)}, 1e-12);
  expect_near(
      pagerank(
          g,
          {.personalization = p, .dangling = DanglingPolicy::given, .dangling_weights = {0.0, 7.0}, .tolerance = 1e-15})
          .score,
      {1 - d, d}, 1e-12);
  // Personalization weights are rescaled: (3, 0) is (1, 0).
  expect_near(pagerank(g, {.personalization = {3.0, 0.0}, .tolerance = 1e-15}).score, {1 / (1 + d), d / (1 + d)},
              1e-12);
}

TEST(PageRank, DegenerateGraphs) {
  const PageRankResult empty = pagerank(InfluenceGraph());
  EXPECT_TRUE(empty.score.empty());
  EXPECT_TRUE(empty.convergence.converged);
  EXPECT_EQ(empty.convergence.iterations, 0u);
  EXPECT_EQ(pagerank(graph_of({"x"}, {})).score, std::vector<double>{1.0});
  // No ties: everyone is dangling; the score is uniform.
  expect_near(pagerank(graph_of({"x", "y", "z"}, {})).score, {1.0 / 3, 1.0 / 3, 1.0 / 3}, 1e-15);
  // damping 0: the score is the personalization.
  expect_near(pagerank(cycle3(), {.damping = 0.0, .personalization = {1, 1, 2}}).score, {0.25, 0.25, 0.5}, 1e-15);
  // Two separate cycles share the mass equally.
  const InfluenceGraph two = graph_of({}, {{"a", "b", 1}, {"b", "a", 1}, {"x", "y", 0.2}, {"y", "x", 0.9}});
  expect_near(pagerank(two).score, {0.25, 0.25, 0.25, 0.25}, 1e-14);
}

TEST(PageRank, ReportsNonConvergence) {
  const PageRankResult r = pagerank(company(), {.max_iterations = 2});
  EXPECT_FALSE(r.convergence.converged);
  EXPECT_EQ(r.convergence.iterations, 2u);
  EXPECT_GT(r.convergence.residual, 1e-10 * 6000);
  const PageRankResult none = pagerank(cycle3(), {.max_iterations = 0});
  EXPECT_FALSE(none.convergence.converged);
  EXPECT_TRUE(std::isinf(none.convergence.residual));
  expect_near(none.score, {1.0 / 3, 1.0 / 3, 1.0 / 3}, 0.0);  // the start vector
}

TEST(PageRank, ConvergesToTheStationaryEquation) {
  const InfluenceGraph& g = company();
  const PageRankResult r = pagerank(g, {.tolerance = 1e-15});
  ASSERT_TRUE(r.convergence.converged);
  EXPECT_LT(r.convergence.residual, 1e-15 * static_cast<double>(g.num_vertices()));
  EXPECT_NEAR(sum(r.score), 1.0, 1e-12);
  // x_v = d (sum_{u->v} x_u s(u,v) / W(u) + D / n) + (1 - d) / n
  const std::size_t n = g.num_vertices();
  std::vector<double> out_weight(n, 0.0);
  for (vertex_id u = 0; u < n; ++u) {
    for (double s : g.out_strengths(u)) out_weight[u] += s;
  }
  double dangling = 0.0;
  for (vertex_id u = 0; u < n; ++u) dangling += out_weight[u] == 0.0 ? r.score[u] : 0.0;
  for (vertex_id v = 0; v < n; v += 97) {
    double in = 0.0;
    auto sources = g.in_neighbors(v);
    auto edges = g.in_edges(v);
    for (std::size_t k = 0; k < sources.size(); ++k)
      in += r.score[sources[k]] * g.strength(edges[k]) / out_weight[sources[k]];
    const double expected = 0.85 * (in + dangling / static_cast<double>(n)) + 0.15 / static_cast<double>(n);
    EXPECT_NEAR(r.score[v], expected, 1e-9 * expected) << v;
  }
}

// Plain power iteration from the uniform vector (networkx.pagerank's
// algorithm, no dangling people in `g`), written out here as the reference:
// returns the scores and the number of steps to ||x' - x||_1 < n * tolerance.
std::pair<std::vector<double>, std::size_t> plain_power_iteration(const InfluenceGraph& g, double tolerance) {
  const std::size_t n = g.num_vertices();
  std::vector<double> out_weight(n, 0.0);
  for (vertex_id u = 0; u < n; ++u) {
    for (double s : g.out_strengths(u)) out_weight[u] += s;
  }
  std::vector<double> x(n, 1.0 / static_cast<double>(n));
  for (std::size_t steps = 1;; ++steps) {
    std::vector<double> next(n, 0.15 / static_cast<double>(n));
    for (vertex_id u = 0; u < n; ++u) {
      auto targets = g.out_neighbors(u);
      auto strengths = g.out_strengths(u);
      for (std::size_t k = 0; k < targets.size(); ++k) next[targets[k]] += 0.85 * x[u] * strengths[k] / out_weight[u];
    }
    double change = 0.0;
    for (std::size_t v = 0; v < n; ++v) change += std::abs(next[v] - x[v]);
    x = std::move(next);
    if (change < static_cast<double>(n) * tolerance) return {x, steps};
  }
}

TEST(PageRank, ExtrapolationSavesProductsAndKeepsTheFixedPoint) {
  const InfluenceGraph& g = company();
  for (vertex_id u = 0; u < g.num_vertices(); ++u) ASSERT_GT(g.out_degree(u), 0u);  // no dangling people
  const auto [plain, plain_steps] = plain_power_iteration(g, 1e-10);
  const PageRankResult r = pagerank(g);
  ASSERT_TRUE(r.convergence.converged);
  // Fewer products than plain power iteration for the same stopping rule.
  EXPECT_LT(r.convergence.iterations * 10, plain_steps * 7) << r.convergence.iterations << " vs " << plain_steps;
  // The same fixed point: both stop within n * 1e-10 / (1 - 0.85) of it in L1.
  const auto [exact, exact_steps] = plain_power_iteration(g, 1e-16);
  double error = 0.0;
  double plain_error = 0.0;
  for (std::size_t v = 0; v < exact.size(); ++v) {
    error += std::abs(r.score[v] - exact[v]);
    plain_error += std::abs(plain[v] - exact[v]);
  }
  const double bound = static_cast<double>(g.num_vertices()) * 1e-10 / 0.15;
  EXPECT_LT(error, bound);
  EXPECT_LT(plain_error, bound);
  EXPECT_GT(exact_steps, plain_steps);
}

TEST(PageRank, ToleranceZeroSpendsTheWholeBudget) {
  // The change never falls below 0: every allowed product runs, the
  // extrapolation included, and the answer is still the fixed point.
  const InfluenceGraph& g = company();
  const PageRankResult r = pagerank(g, {.tolerance = 0.0, .max_iterations = 120});
  EXPECT_FALSE(r.convergence.converged);
  EXPECT_EQ(r.convergence.iterations, 120u);
  EXPECT_NEAR(sum(r.score), 1.0, 1e-13);
  const PageRankResult tight = pagerank(g, {.tolerance = 1e-15});
  ASSERT_TRUE(tight.convergence.converged);
  expect_near(r.score, tight.score, 1e-13);  // scores are about 1.7e-4: 1e-9 relative
}

TEST(PageRank, PeopleNoRestartReachesScoreExactlyZero) {
  //   a -> b -> c, d -> a; restart only at a: d is never visited.
  const InfluenceGraph g = graph_of({"a", "b", "c", "d"}, {{"a", "b", 1.0}, {"b", "c", 1.0}, {"d", "a", 1.0}});
  const PageRankResult r = pagerank(g, {.personalization = {1, 0, 0, 0}});
  EXPECT_EQ(r.score[3], 0.0);
  // c is dangling and returns its mass to a: x_a = (1 - d) + d x_c,
  // x_b = d x_a, x_c = d x_b  =>  x_a = 1 / (1 + d + d^2).
  const double d = 0.85;
  expect_near(r.score, {1 / (1 + d + d * d), d / (1 + d + d * d), d * d / (1 + d + d * d), 0.0}, 1e-9);
}

TEST(PageRank, InvalidOptions) {
  const InfluenceGraph g = cycle3();
  expect_error([&] { (void)pagerank(g, {.damping = 1.0}); }, {"pagerank", "damping = 1", "[0, 1)"});
  expect_error([&] { (void)pagerank(g, {.damping = -0.1}); }, {"pagerank", "damping = -0.1"});
  expect_error([&] { (void)pagerank(g, {.damping = std::nan("")}); }, {"damping = nan"});
  expect_error(
      [&] {
        (void)pagerank(g, {.personalization = {1, 2}});
      },
      {"pagerank", "personalization has 2 values, expected 3"});
  expect_error([&] { (void)pagerank(g, {.personalization = {1, -2, 1}}); }, {"personalization[1] = -2", ">= 0"});
  expect_error([&] { (void)pagerank(g, {.personalization = {0, 0, 0}}); }, {"personalization sums to 0"});
  expect_error([&] { (void)pagerank(g, {.personalization = {1, INFINITY, 0}}); }, {"personalization[1] = inf"});
  expect_error([&] { (void)pagerank(g, {.dangling = DanglingPolicy::given}); },
               {"dangling = given needs dangling_weights"});
  expect_error(
      [&] {
        (void)pagerank(g, {.dangling_weights = {1, 1, 1}});
      },
      {"dangling_weights are only read when dangling = given", "personalization"});
  expect_error(
      [&] {
        (void)pagerank(g, {.dangling = DanglingPolicy::given, .dangling_weights = {0, 0, 0}});
      },
      {"dangling_weights sums to 0"});
  expect_error([&] { (void)pagerank(g, {.tolerance = -1e-3}); }, {"pagerank", "tolerance = -0.001"});
  expect_error([&] { (void)pagerank(g, {.threads = -1}); }, {"pagerank", "threads = -1"});
}

TEST(PageRank, PolicyNames) {
  for (auto p : {DanglingPolicy::personalization, DanglingPolicy::uniform, DanglingPolicy::given}) {
    EXPECT_EQ(parse_dangling_policy(to_string(p)), p);
  }
  expect_error([] { (void)parse_dangling_policy("spread"); }, {"'spread'", "personalization, uniform or given"});
}

// ---- eigenvector -------------------------------------------------------------------

TEST(Eigenvector, CycleIsUniform) {
  const EigenvectorResult r =
      eigenvector_centrality(graph_of({"a", "b", "c"}, {{"a", "b", 1}, {"b", "c", 1}, {"c", "a", 1}}));
  const double x = 1 / std::sqrt(3.0);
  expect_near(r.score, {x, x, x}, 1e-15);
  EXPECT_TRUE(r.convergence.converged);
}

//   a <-> b <-> c, every edge 1 (the path P3): A is symmetric with
//   lambda = sqrt 2 and eigenvector (1, sqrt 2, 1) / 2.
TEST(Eigenvector, ReciprocatedPath) {
  const InfluenceGraph g = graph_of({"a", "b", "c"}, {{"a", "b", 1}, {"b", "a", 1}, {"b", "c", 1}, {"c", "b", 1}});
  const EigenvectorResult r = eigenvector_centrality(g, {.tolerance = 1e-15});
  expect_near(r.score, {0.5, std::sqrt(0.5), 0.5}, 1e-13);
  EXPECT_TRUE(r.convergence.converged);
}

//   a -> b with strength 1, b -> a with strength 0.25:
//   lambda x_a = 0.25 x_b, lambda x_b = x_a  =>  lambda = 0.5, x_b = 2 x_a:
//   weighted (1, 2) / sqrt 5; unweighted (1, 1) / sqrt 2.
TEST(Eigenvector, StrengthsAreWeights) {
  const InfluenceGraph g = graph_of({"a", "b"}, {{"a", "b", 1.0}, {"b", "a", 0.25}});
  expect_near(eigenvector_centrality(g, {.tolerance = 1e-15}).score, {1 / std::sqrt(5.0), 2 / std::sqrt(5.0)}, 1e-10);
  expect_near(eigenvector_centrality(g, {.weighted = false, .tolerance = 1e-15}).score,
              {std::sqrt(0.5), std::sqrt(0.5)}, 1e-10);
}

TEST(Eigenvector, DegenerateGraphs) {
  const EigenvectorResult empty = eigenvector_centrality(InfluenceGraph());
  EXPECT_TRUE(empty.score.empty());
  EXPECT_TRUE(empty.convergence.converged);
  const EigenvectorResult one = eigenvector_centrality(graph_of({"x"}, {}));
  EXPECT_EQ(one.score, std::vector<double>{1.0});
  EXPECT_TRUE(one.convergence.converged);
  // No ties: A = 0, the start vector scaled to unit norm is already fixed.
  const EigenvectorResult none = eigenvector_centrality(graph_of({"x", "y", "z", "w"}, {}));
  expect_near(none.score, {0.5, 0.5, 0.5, 0.5}, 1e-15);
  EXPECT_TRUE(none.convergence.converged);
  EXPECT_EQ(none.convergence.iterations, 2u);
}

//   a -> b: no directed cycle, no positive eigenvector. (A^T + I)^k (1, 1) =
//   (1, k + 1): the iterates drift towards b while their changes shrink like
//   1/k^2, too slowly for the tolerance. NetworkX raises; orgnet reports.
TEST(Eigenvector, AcyclicGraphDoesNotConverge) {
  const InfluenceGraph g = graph_of({"a", "b"}, {{"a", "b", 1.0}});
  const EigenvectorResult r = eigenvector_centrality(g);
  EXPECT_FALSE(r.convergence.converged);
  EXPECT_EQ(r.convergence.iterations, 1000u);
  // After k = 1000 iterations the vector is (1, k + 1) / norm.
  const double norm = std::sqrt(1.0 + 1001.0 * 1001.0);
  expect_near(r.score, {1 / norm, 1001 / norm}, 1e-12);
  // A star (a leader influencing everyone) is acyclic too.
  const InfluenceGraph star = graph_of({"c", "x", "y"}, {{"c", "x", 1}, {"c", "y", 1}});
  EXPECT_FALSE(eigenvector_centrality(star).convergence.converged);
}

TEST(Eigenvector, InvalidOptions) {
  expect_error([] { (void)eigenvector_centrality(cycle3(), {.tolerance = std::nan("")}); },
               {"eigenvector_centrality", "tolerance = nan"});
  expect_error([] { (void)eigenvector_centrality(cycle3(), {.threads = -2}); },
               {"eigenvector_centrality", "threads = -2"});
}

// ---- Katz --------------------------------------------------------------------------

//   a -> b -> c, alpha 0.1, beta 1, unweighted and unnormalized:
//   x_a = 1, x_b = 1 + 0.1 x_a = 1.1, x_c = 1 + 0.1 x_b = 1.11.
//   From x = 0 the iterates are (1,1,1), (1,1.1,1.1), (1,1.1,1.11), then fixed.
TEST(Katz, Chain) {
  const InfluenceGraph g = graph_of({"a", "b", "c"}, {{"a", "b", 0.5}, {"b", "c", 0.5}});
  const KatzResult raw = katz_centrality(g, {.weighted = false, .normalized = false});
  expect_near(raw.score, {1.0, 1.1, 1.11}, 1e-15);
  EXPECT_TRUE(raw.convergence.converged);
  EXPECT_EQ(raw.convergence.iterations, 4u);
  EXPECT_EQ(raw.convergence.residual, 0.0);
  const double norm = std::sqrt(1.0 + 1.21 + 1.2321);
  expect_near(katz_centrality(g, {.weighted = false}).score, {1 / norm, 1.1 / norm, 1.11 / norm}, 1e-15);
  // Weighted: each step also multiplies by the strength 0.5.
  expect_near(katz_centrality(g, {.normalized = false}).score, {1.0, 1.05, 1.0525}, 1e-15);
  // Per-person beta (1, 0, 0): only a's own score travels: (1, 0.1, 0.01).
  expect_near(katz_centrality(g, {.beta_per_vertex = {1, 0, 0}, .weighted = false, .normalized = false}).score,
              {1.0, 0.1, 0.01}, 1e-15);
  // An acyclic graph has lambda_max = 0: any alpha is accepted.
  expect_near(katz_centrality(g, {.alpha = 10, .weighted = false, .normalized = false}).score, {1, 11, 111}, 1e-12);
}

//   A 3-cycle of unit strengths has lambda_max = 1: with alpha = 0.5 every
//   score is beta / (1 - alpha) = 2; alpha = 1 diverges.
TEST(Katz, CycleAndTheSpectralRadius) {
  const InfluenceGraph g = graph_of({"a", "b", "c"}, {{"a", "b", 1}, {"b", "c", 1}, {"c", "a", 1}});
  expect_near(katz_centrality(g, {.alpha = 0.5, .normalized = false, .tolerance = 1e-15}).score, {2, 2, 2}, 1e-13);
  expect_error([&] { (void)katz_centrality(g, {.alpha = 1.0}); },
               {"katz_centrality", "alpha = 1 ", "1/lambda_max = 1 ", "lambda_max = 1,", "strength-weighted"});
  expect_error([&] { (void)katz_centrality(g, {.alpha = 2.0, .weighted = false}); },
               {"alpha = 2 ", "1/lambda_max = 1 ", "unweighted"});
  // Weighted cycle 1, 0.5, 0.25: lambda_max = (1 * 0.5 * 0.25)^(1/3) = 0.5.
  expect_error([] { (void)katz_centrality(cycle3(), {.alpha = 2.5}); }, {"1/lambda_max = 2 ", "lambda_max = 0.5"});
  const KatzResult close = katz_centrality(cycle3(), {.alpha = 1.9, .normalized = false, .tolerance = 1e-14});
  EXPECT_TRUE(close.convergence.converged);
  // x = beta (1 + alpha^3 lambda^3 + ...) around the cycle; each x_v is
  // (1 + alpha w_in x_prev); x_a = 1 / (1 - alpha^3 / 8) * (1 + 0.25 alpha (1 + 0.5 alpha)).
  const double a = 1.9;
  const double xa = (1 + 0.25 * a * (1 + 0.5 * a)) / (1 - a * a * a / 8);
  EXPECT_NEAR(close.score[0], xa, 1e-9 * xa);
}

TEST(Katz, SpectralRadiusOfACompany) {
  // Unweighted, about 25 ties per person: lambda_max is in the twenties, so the
  // cheap bound cannot settle alpha = 0.1 and the power iteration must.
  const InfluenceGraph& g = company();
  expect_error([&] { (void)katz_centrality(g, {.alpha = 0.1, .weighted = false}); },
               {"katz_centrality: alpha = 0.1 is not below 1/lambda_max", "unweighted adjacency matrix"});
  const KatzResult ok = katz_centrality(g, {.alpha = 0.01, .weighted = false});
  EXPECT_TRUE(ok.convergence.converged);
  EXPECT_TRUE(katz_centrality(g).convergence.converged);  // weighted, alpha 0.1
}

TEST(Katz, DegenerateGraphs) {
  const KatzResult empty = katz_centrality(InfluenceGraph());
  EXPECT_TRUE(empty.score.empty());
  EXPECT_TRUE(empty.convergence.converged);
  // No ties: x = beta, normalized to 1/sqrt(n).
  expect_near(katz_centrality(graph_of({"x", "y"}, {})).score, {std::sqrt(0.5), std::sqrt(0.5)}, 1e-15);
  expect_near(katz_centrality(graph_of({"x"}, {})).score, {1.0}, 0.0);
  // beta 0: every score is 0 (normalization leaves the zero vector alone).
  expect_near(katz_centrality(cycle3(), {.beta = 0.0}).score, {0, 0, 0}, 0.0);
}

TEST(Katz, InvalidOptions) {
  const InfluenceGraph g = cycle3();
  expect_error([&] { (void)katz_centrality(g, {.alpha = -0.1}); }, {"katz_centrality", "alpha = -0.1"});
  expect_error([&] { (void)katz_centrality(g, {.alpha = INFINITY}); }, {"alpha = inf"});
  expect_error([&] { (void)katz_centrality(g, {.beta = std::nan("")}); }, {"beta = nan"});
  expect_error(
      [&] {
        (void)katz_centrality(g, {.beta_per_vertex = {1, 2}});
      },
      {"katz_centrality", "beta_per_vertex has 2 values, expected 3"});
  expect_error([&] { (void)katz_centrality(g, {.beta_per_vertex = {1, NAN, 2}}); }, {"beta_per_vertex[1] = nan"});
  expect_error([&] { (void)katz_centrality(g, {.tolerance = INFINITY}); }, {"tolerance = inf"});
}

// ---- HITS --------------------------------------------------------------------------

//   a -> x, a -> y, b -> y (unweighted). A = [[1, 1], [0, 1]] (rows a, b;
//   columns x, y); A^T A = [[1, 1], [1, 2]] has top eigenvector (1, phi),
//   phi = (1 + sqrt 5) / 2. Authorities (x, y) = (1, phi) / (1 + phi); hubs
//   = A a = (1 + phi, phi) / (1 + 2 phi).
TEST(Hits, HandWorked) {
  const InfluenceGraph g = graph_of({"a", "b", "x", "y"}, {{"a", "x", 0.5}, {"a", "y", 0.5}, {"b", "y", 0.5}});
  const double phi = (1 + std::sqrt(5.0)) / 2;
  const HitsResult r = hits(g, {.weighted = false, .tolerance = 1e-15});
  EXPECT_TRUE(r.convergence.converged);
  expect_near(r.authorities, {0, 0, 1 / (1 + phi), phi / (1 + phi)}, 1e-13);
  expect_near(r.hubs, {(1 + phi) / (1 + 2 * phi), phi / (1 + 2 * phi), 0, 0}, 1e-13);
  // Equal strengths scale A: same vectors.
  expect_near(hits(g, {.tolerance = 1e-15}).hubs, r.hubs, 1e-12);
}

//   A leader c influencing l1, l2: hub c, authorities l1 and l2 (1/2 each).
TEST(Hits, Star) {
  const HitsResult r = hits(graph_of({"c", "l1", "l2"}, {{"c", "l1", 1}, {"c", "l2", 0.5}}), {.weighted = false});
  expect_near(r.hubs, {1, 0, 0}, 1e-15);
  expect_near(r.authorities, {0, 0.5, 0.5}, 1e-15);
  // Weighted: authorities follow the strengths (A^T h with h = (1, 0, 0)).
  const HitsResult w = hits(graph_of({"c", "l1", "l2"}, {{"c", "l1", 1}, {"c", "l2", 0.5}}));
  expect_near(w.authorities, {0, 2.0 / 3, 1.0 / 3}, 1e-15);
}

TEST(Hits, DegenerateGraphs) {
  const HitsResult empty = hits(InfluenceGraph());
  EXPECT_TRUE(empty.hubs.empty() && empty.authorities.empty());
  EXPECT_TRUE(empty.convergence.converged);
  const HitsResult one = hits(graph_of({"x"}, {}));
  EXPECT_EQ(one.hubs, std::vector<double>{1.0});
  EXPECT_EQ(one.authorities, std::vector<double>{1.0});
  const HitsResult none = hits(graph_of({"x", "y", "z", "w"}, {}));
  EXPECT_EQ(none.hubs, std::vector<double>(4, 0.25));
  EXPECT_EQ(none.convergence.iterations, 0u);
  EXPECT_TRUE(none.convergence.converged);
  // A cycle: everyone is hub and authority alike.
  const HitsResult cycle = hits(cycle3(), {.weighted = false});
  expect_near(cycle.hubs, {1.0 / 3, 1.0 / 3, 1.0 / 3}, 1e-15);
}

//   Two separate stars, c1 -> x1, y1, z1 with strength 1 and c2 -> x2, y2, z2
//   with 0.99: sigma_1 = sqrt 3 and sigma_2 = 0.99 sqrt 3, so the power method
//   would shrink the second star by only 0.98 per step (about 900 steps);
//   A^T A has two non-zero eigenvalues and Lanczos is exact after two.
TEST(Hits, NearlyEqualSingularValues) {
  const InfluenceGraph g = graph_of(
      {},
      {{"c1", "x1", 1}, {"c1", "y1", 1}, {"c1", "z1", 1}, {"c2", "x2", 0.99}, {"c2", "y2", 0.99}, {"c2", "z2", 0.99}});
  const HitsResult r = hits(g);
  EXPECT_TRUE(r.convergence.converged);
  EXPECT_LE(r.convergence.iterations, 3u);
  const double third = 1.0 / 3;
  expect_near(r.authorities, {0, third, third, third, 0, 0, 0, 0}, 1e-12);
  expect_near(r.hubs, {1, 0, 0, 0, 0, 0, 0, 0}, 1e-12);
}

//   Two identical separate stars: the top singular value is repeated and the
//   vectors are not unique; orgnet gives the power method's limit from uniform
//   hubs (both stars alike).
TEST(Hits, RepeatedSingularValue) {
  const HitsResult r = hits(graph_of({}, {{"c1", "x1", 1}, {"c1", "y1", 1}, {"c2", "x2", 1}, {"c2", "y2", 1}}));
  EXPECT_TRUE(r.convergence.converged);
  expect_near(r.authorities, {0, 0.25, 0.25, 0, 0.25, 0.25}, 1e-14);
  expect_near(r.hubs, {0.5, 0, 0, 0.5, 0, 0}, 1e-14);
}

TEST(Hits, ReportsNonConvergence) {
  const HitsResult r = hits(company(), {.max_iterations = 1});
  EXPECT_FALSE(r.convergence.converged);
  EXPECT_EQ(r.convergence.iterations, 1u);
  EXPECT_NEAR(sum(r.authorities), 1.0, 1e-12);
  const HitsResult none = hits(company(), {.max_iterations = 0});
  EXPECT_FALSE(none.convergence.converged);
  EXPECT_TRUE(std::isinf(none.convergence.residual));
}

TEST(Hits, ScoresSumToOne) {
  const HitsResult r = hits(company());
  EXPECT_TRUE(r.convergence.converged);
  EXPECT_NEAR(sum(r.hubs), 1.0, 1e-12);
  EXPECT_NEAR(sum(r.authorities), 1.0, 1e-12);
}

// The residual HITS reports comes from the Lanczos recurrence; the basis is
// only semi-orthogonal until the top Ritz vector nears convergence. Check the
// claim on the answer itself: with a = authorities (sum 1), M = A^T A and
// theta = a'Ma / a'a, ||M a - theta a||_1 / theta stays below the bound
// n * tolerance the iteration stopped on (up to rounding).
TEST(Hits, ReportedResidualHoldsForTheAnswer) {
  for (const char* name : {"email_eu_core", "lazega"}) {
    const InfluenceGraph g = load_dataset(name);
    const std::size_t n = g.num_vertices();
    for (double tolerance : {1e-10, 1e-14}) {
      const HitsResult r = hits(g, {.tolerance = tolerance});
      ASSERT_TRUE(r.convergence.converged) << name;
      const std::vector<double>& a = r.authorities;
      std::vector<double> hub(n, 0.0);  // A a
      std::vector<double> m(n, 0.0);    // A^T A a
      for (vertex_id u = 0; u < n; ++u) {
        auto targets = g.out_neighbors(u);
        auto strengths = g.out_strengths(u);
        for (std::size_t k = 0; k < targets.size(); ++k) hub[u] += strengths[k] * a[targets[k]];
      }
      for (vertex_id u = 0; u < n; ++u) {
        auto targets = g.out_neighbors(u);
        auto strengths = g.out_strengths(u);
        for (std::size_t k = 0; k < targets.size(); ++k) m[targets[k]] += strengths[k] * hub[u];
      }
      double ama = 0.0;
      double aa = 0.0;
      for (std::size_t v = 0; v < n; ++v) {
        ama += a[v] * m[v];
        aa += a[v] * a[v];
      }
      const double theta = ama / aa;
      double residual = 0.0;
      for (std::size_t v = 0; v < n; ++v) residual += std::abs(m[v] - theta * a[v]);
      EXPECT_LT(residual / theta, 1.01 * static_cast<double>(n) * tolerance + 1e-13)
          << name << " tolerance " << tolerance << ": reported " << r.convergence.residual;
    }
  }
}

TEST(Hits, InvalidOptions) {
  expect_error([] { (void)hits(cycle3(), {.tolerance = -1}); }, {"hits", "tolerance = -1"});
  expect_error([] { (void)hits(cycle3(), {.threads = -1}); }, {"hits", "threads = -1"});
}

// ---- properties shared by the four measures --------------------------------------------

TEST(Spectral, BitIdenticalForEveryThreadCount) {
  const InfluenceGraph& g = company();
  ASSERT_GT(g.num_vertices() + g.num_edges(), 50000u);  // above the parallel threshold
  for (bool weighted : {true, false}) {
    const auto pr1 = pagerank(g, {.weighted = weighted, .threads = 1});
    const auto ev1 = eigenvector_centrality(g, {.weighted = weighted, .threads = 1});
    const auto katz1 = katz_centrality(g, {.alpha = weighted ? 0.1 : 0.01, .weighted = weighted, .threads = 1});
    const auto hits1 = hits(g, {.weighted = weighted, .threads = 1});
    for (int threads : {2, 3}) {
      const auto pr = pagerank(g, {.weighted = weighted, .threads = threads});
      EXPECT_EQ(pr.score, pr1.score) << threads;  // exact equality of every double
      EXPECT_EQ(pr.convergence.residual, pr1.convergence.residual);
      EXPECT_EQ(pr.convergence.iterations, pr1.convergence.iterations);
      const auto ev = eigenvector_centrality(g, {.weighted = weighted, .threads = threads});
      EXPECT_EQ(ev.score, ev1.score) << threads;
      EXPECT_EQ(ev.convergence.residual, ev1.convergence.residual);
      const auto katz = katz_centrality(g, {.alpha = weighted ? 0.1 : 0.01, .weighted = weighted, .threads = threads});
      EXPECT_EQ(katz.score, katz1.score) << threads;
      const auto h = hits(g, {.weighted = weighted, .threads = threads});
      EXPECT_EQ(h.hubs, hits1.hubs) << threads;
      EXPECT_EQ(h.authorities, hits1.authorities) << threads;
    }
  }
}

TEST(Spectral, ManyPeopleFewTies) {
  // Passes over the edges are cut by work (rows + ties), passes over vectors by
  // rows; with many people and few ties the two cuts have very different block
  // counts (here 5 against 79), and every measure still agrees across threads.
  // A chain of 100 people inside 20,000.
  GraphBuilder b({.unknown_people = UnknownPersonPolicy::create, .hierarchy_relation = ""});
  for (int i = 0; i < 20000; ++i) b.add_person({.id = "p" + std::to_string(i)});
  for (int i = 0; i < 100; ++i) b.add_tie("p" + std::to_string(i), "p" + std::to_string(i + 1), "advice", 1.0);
  const InfluenceGraph g = std::move(b).build();
  const auto pr1 = pagerank(g, {.threads = 1});
  const auto h1 = hits(g, {.threads = 1});
  const auto ev1 = eigenvector_centrality(g, {.threads = 1});
  const auto k1 = katz_centrality(g, {.threads = 1});
  EXPECT_NEAR(sum(pr1.score), 1.0, 1e-12);
  EXPECT_NEAR(sum(h1.hubs), 1.0, 1e-12);
  for (int threads : {2, 3}) {
    EXPECT_EQ(pagerank(g, {.threads = threads}).score, pr1.score);
    const HitsResult h = hits(g, {.threads = threads});
    EXPECT_EQ(h.hubs, h1.hubs);
    EXPECT_EQ(h.authorities, h1.authorities);
    EXPECT_EQ(eigenvector_centrality(g, {.threads = threads}).score, ev1.score);
    EXPECT_EQ(katz_centrality(g, {.threads = threads}).score, k1.score);
  }
}

TEST(Spectral, ConcurrentCallsAgree) {
  // Calls from several threads at once share the helper pool (a caller that
  // finds it busy works alone); every result equals the single-threaded one.
  const InfluenceGraph& g = company();
  const auto expected = pagerank(g, {.max_iterations = 20, .threads = 1}).score;
  std::vector<std::vector<double>> results(4);
  std::vector<std::thread> callers;
  for (std::size_t i = 0; i < results.size(); ++i) {
    callers.emplace_back([&, i] { results[i] = pagerank(g, {.max_iterations = 20, .threads = 2}).score; });
  }
  for (auto& t : callers) t.join();
  for (const auto& r : results) EXPECT_EQ(r, expected);
}

TEST(Spectral, UnitStrengthsEqualUnweighted) {
  // Every strength 1: weighted and unweighted runs do the same arithmetic.
  const InfluenceGraph g = graph_of(
      {}, {{"a", "b", 1}, {"b", "c", 1}, {"c", "a", 1}, {"a", "c", 1}, {"c", "d", 1}, {"d", "a", 1}, {"e", "a", 1}});
  EXPECT_EQ(pagerank(g).score, pagerank(g, {.weighted = false}).score);
  EXPECT_EQ(eigenvector_centrality(g).score, eigenvector_centrality(g, {.weighted = false}).score);
  EXPECT_EQ(katz_centrality(g).score, katz_centrality(g, {.weighted = false}).score);
  EXPECT_EQ(hits(g).hubs, hits(g, {.weighted = false}).hubs);
}

// (A^T x)_v = sum over v's in-edges u -> v of s(u, v) x_u, strength by strength.
std::vector<double> transposed_product(const InfluenceGraph& g, const std::vector<double>& x) {
  std::vector<double> y(g.num_vertices(), 0.0);
  for (vertex_id v = 0; v < g.num_vertices(); ++v) {
    const auto sources = g.in_neighbors(v);
    const auto edges = g.in_edges(v);
    for (std::size_t k = 0; k < sources.size(); ++k) y[v] += g.strength(edges[k]) * x[sources[k]];
  }
  return y;
}

TEST(Spectral, SharedInStrengthsGiveTheDefiningEquations) {
  // Weighted cascade on unit email ties: every person's in-edges share one
  // strength, and the products scale a plain sum once per person. Each
  // measure must still satisfy its equation written with edge strengths.
  detail::SplitMix64 rng(5);
  GraphBuilder builder;
  const std::size_t n = 300;
  for (std::size_t i = 0; i < n; ++i) builder.add_person({.id = "p" + std::to_string(i)});
  std::vector<char> used(n * n, 0);  // distinct pairs: a repeated tie would merge by noisy-or
  for (std::size_t t = 0; t < 4000; ++t) {
    const auto u = rng.below(n), v = rng.below(n);
    if (u == v || used[u * n + v]) continue;
    used[u * n + v] = 1;
    builder.add_tie("p" + std::to_string(u), "p" + std::to_string(v), "email", 1);
  }
  const InfluenceGraph g = std::move(builder).build();
  ASSERT_FALSE(g.shared_in_strengths().empty());

  // PageRank: the reference iteration reads strengths edge by edge.
  for (vertex_id u = 0; u < n; ++u) ASSERT_GT(g.out_degree(u), 0u);
  const auto [reference, steps] = plain_power_iteration(g, 1e-15);
  expect_near(pagerank(g, {.tolerance = 1e-15}).score, reference, 1e-13);

  // Katz (unnormalized): x = alpha A^T x + beta.
  const KatzResult katz = katz_centrality(g, {.alpha = 0.05, .normalized = false, .tolerance = 1e-15});
  ASSERT_TRUE(katz.convergence.converged);
  const std::vector<double> katz_in = transposed_product(g, katz.score);
  for (vertex_id v = 0; v < n; ++v) EXPECT_NEAR(katz.score[v], 0.05 * katz_in[v] + 1.0, 1e-12) << v;

  // Eigenvector: A^T x = lambda x.
  const EigenvectorResult eig = eigenvector_centrality(g, {.tolerance = 1e-15});
  ASSERT_TRUE(eig.convergence.converged);
  const std::vector<double> eig_in = transposed_product(g, eig.score);
  const double lambda = std::inner_product(eig_in.begin(), eig_in.end(), eig.score.begin(), 0.0);  // |x| = 1
  for (vertex_id v = 0; v < n; ++v) EXPECT_NEAR(eig_in[v], lambda * eig.score[v], 1e-9) << v;

  // HITS: hubs proportional to A a (out-edges), authorities to A^T h.
  const HitsResult h = hits(g, {.tolerance = 1e-15});
  ASSERT_TRUE(h.convergence.converged);
  const std::vector<double> a_of_h = transposed_product(g, h.hubs);
  const double scale = sum(a_of_h);
  for (vertex_id v = 0; v < n; ++v) EXPECT_NEAR(a_of_h[v] / scale, h.authorities[v], 1e-10) << v;
}

TEST(Spectral, RelabellingPermutesScores) {
  // The same ties with people numbered in the opposite order.
  const InfluenceGraph g =
      graph_of({"a", "b", "c", "d"},
               {{"a", "b", 0.9}, {"b", "c", 0.3}, {"c", "a", 0.6}, {"c", "d", 0.2}, {"d", "b", 0.7}, {"b", "a", 0.4}});
  const InfluenceGraph r =
      graph_of({"d", "c", "b", "a"},
               {{"a", "b", 0.9}, {"b", "c", 0.3}, {"c", "a", 0.6}, {"c", "d", 0.2}, {"d", "b", 0.7}, {"b", "a", 0.4}});
  const auto pg = pagerank(g).score, pr = pagerank(r).score;
  const auto eg = eigenvector_centrality(g).score, er = eigenvector_centrality(r).score;
  const auto kg = katz_centrality(g).score, kr = katz_centrality(r).score;
  const auto hg = hits(g).authorities, hr = hits(r).authorities;
  for (const char* id : {"a", "b", "c", "d"}) {
    EXPECT_NEAR(pg[g.index_of(id)], pr[r.index_of(id)], 1e-12) << id;
    EXPECT_NEAR(eg[g.index_of(id)], er[r.index_of(id)], 1e-9) << id;
    EXPECT_NEAR(kg[g.index_of(id)], kr[r.index_of(id)], 1e-12) << id;
    EXPECT_NEAR(hg[g.index_of(id)], hr[r.index_of(id)], 1e-9) << id;
  }
}

}  // namespace
}  // namespace orgnet
