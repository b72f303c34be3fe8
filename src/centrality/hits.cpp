#include "orgnet/centrality/hits.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <utility>

#include "spectral_kernels.hpp"

namespace orgnet {

namespace {

using detail::spectral::Blocks;
using detail::spectral::CsrView;
using detail::spectral::dot;

/// Largest eigenvalue of the symmetric tridiagonal matrix T with diagonal
/// `a` and off-diagonal `b` (b.size() == a.size() - 1), and its unit
/// eigenvector. The eigenvalue comes from bisection on Sturm counts (to a
/// relative 1e-13, starting above `floor`, a value known to lie below it when
/// it is valid); the eigenvector from inverse iteration with mu I - T, mu the
/// bisection's upper bound: mu >= lambda_max makes mu I - T positive
/// semi-definite, so its LDL^T factorization needs no pivoting.
std::pair<double, std::vector<double>> top_eigenpair(const std::vector<double>& a, const std::vector<double>& b,
                                                     double floor) {
  const std::size_t k = a.size();
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  double scale = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    const double radius = (i > 0 ? std::abs(b[i - 1]) : 0.0) + (i + 1 < k ? std::abs(b[i]) : 0.0);
    lo = std::min(lo, a[i] - radius);
    hi = std::max(hi, a[i] + radius);
    scale = std::max(scale, std::abs(a[i]) + radius);
  }
  const double tiny = std::numeric_limits<double>::min() * std::max(1.0, scale * scale);
  // Number of eigenvalues below x (Sturm sequence of the LDL^T pivots of T - x I).
  auto below = [&](double x) {
    std::size_t count = 0;
    double q = a[0] - x;
    for (std::size_t i = 0;; ++i) {
      if (std::abs(q) < tiny) q = -tiny;
      if (q < 0.0) ++count;
      if (i + 1 == k) break;
      q = a[i + 1] - x - b[i] * b[i] / q;
    }
    return count;
  };
  hi += std::numeric_limits<double>::epsilon() * std::max(scale, 1.0);  // every eigenvalue is below hi
  // The largest Ritz value only grows as the basis grows: start from the last.
  const double warm = floor - 1e-12 * std::abs(floor);
  if (warm > lo && warm < hi && below(warm) < k) {
    lo = warm;
    // It grows by less and less as the iteration converges: look for an
    // upper bound in growing steps above it, so the bisection starts from a
    // bracket a few steps wide instead of the (loose) Gershgorin bound.
    for (double step = 1e-9 * std::max(std::abs(lo), tiny);; step *= 16.0) {
      const double probe = lo + step;
      if (probe >= hi) break;
      if (below(probe) == k) {
        hi = probe;
        break;
      }
      lo = probe;
    }
  }
  for (int step = 0; step < 200 && hi - lo > 1e-13 * std::abs(hi); ++step) {
    const double mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    (below(mid) == k ? hi : lo) = mid;
  }
  // Inverse iteration: solve (mu I - T) z = z_old, mu = hi.
  std::vector<double> d(k);
  std::vector<double> l(k > 0 ? k - 1 : 0);
  d[0] = hi - a[0];
  for (std::size_t i = 1; i < k; ++i) {
    if (d[i - 1] < tiny) d[i - 1] = tiny;
    l[i - 1] = -b[i - 1] / d[i - 1];
    d[i] = hi - a[i] + l[i - 1] * b[i - 1];
  }
  if (d[k - 1] < tiny) d[k - 1] = tiny;
  std::vector<double> z(k, 1.0);
  for (int round = 0; round < 3; ++round) {
    for (std::size_t i = 1; i < k; ++i) z[i] -= l[i - 1] * z[i - 1];
    for (std::size_t i = 0; i < k; ++i) z[i] /= d[i];
    for (std::size_t i = k - 1; i-- > 0;) z[i] -= l[i] * z[i + 1];
    double norm = 0.0;
    for (double v : z) norm += v * v;
    norm = std::sqrt(norm);
    for (double& v : z) v /= norm;
  }
  return {hi, std::move(z)};
}

/// out = M in (rows of the view), then scaled to sum 1 when the sum is positive.
void product(Blocks& blocks, const CsrView& rows, const std::vector<double>& in, std::vector<double>& out,
             bool normalize) {
  const double total = blocks.sum([&](std::size_t begin, std::size_t end) {
    double s = 0.0;
    for (std::size_t v = begin; v < end; ++v) {
      out[v] = rows.row_dot(v, in.data());
      s += out[v];
    }
    return s;
  });
  if (normalize && total > 0.0) {
    blocks.run([&](std::size_t begin, std::size_t end, std::size_t) {
      for (std::size_t v = begin; v < end; ++v) out[v] /= total;
    });
  }
}

}  // namespace

HitsResult hits(const InfluenceGraph& graph, const HitsOptions& options) {
  using namespace detail::spectral;
  constexpr const char* function = "hits";
  check_tolerance(function, options.tolerance);
  check_threads(function, options.threads);

  HitsResult result;
  const std::size_t n = graph.num_vertices();
  if (n == 0 || graph.num_edges() == 0) {
    // No ties: A = 0 and every vector is a singular vector; igraph's
    // convention (all equal), scaled to sum 1.
    result.hubs.assign(n, n == 0 ? 0.0 : 1.0 / static_cast<double>(n));
    result.authorities = result.hubs;
    result.convergence = {.iterations = 0, .residual = 0.0, .converged = true};
    return result;
  }
  const int threads = thread_count(options.threads, n + graph.num_edges());
  const CsrView transposed = in_edges_view(graph, options.weighted);  // row v: edges u -> v (A^T)
  // When every person's in-edges share one strength c_v (weighted cascade on
  // unweighted ties), A = B diag(c) with B the 0/1 adjacency: A x = B (c x).
  // Products with A then gather from c x, kept beside each vector they read
  // (`scaled`), instead of reading a strength per tie.
  const std::span<const double> column_scale =
      options.weighted ? graph.shared_in_strengths() : std::span<const double>();
  const bool scale_columns = !column_scale.empty();
  const CsrView forward = out_edges_view(graph, options.weighted && !scale_columns);  // row u: edges u -> w (A or B)
  Blocks forward_blocks(forward.offsets, threads);                                    // products with A: cut by work
  Blocks blocks(transposed.offsets, threads);                                         // products with A^T: cut by work
  Blocks light(n, thread_count(options.threads, n));                                  // passes over vectors
  const std::size_t block_count = blocks.count();
  const std::size_t light_count = light.count();

  // Lanczos on M = A^T A (symmetric, >= 0), notation of Golub & Van Loan 10.1:
  // q_j the orthonormal basis, alpha_j = q_j' M q_j, beta_j = ||w_j||, T_j the
  // tridiagonal matrix they form; its top eigenpair (theta, s) gives the Ritz
  // vector y = Q s with M y - theta y = s_j w_j (w_j the next, unnormalized
  // basis vector). Once the top Ritz vector nears convergence, every vector is
  // orthogonalized against the whole basis (again when that cancelled most of
  // it), so no spurious copies of theta appear; before, the three-term step
  // keeps the basis orthogonal enough (see the loop).
  constexpr std::size_t basis_limit = 20;  // restart with the Ritz vector after this many vectors
  std::vector<std::vector<double>> q;      // q[0..size), storage kept across restarts
  std::size_t size = 0;
  std::vector<double> q_sum;  // sum of the entries of q[i]
  std::vector<double> alpha;
  std::vector<double> beta;
  std::vector<double> w(n);
  std::vector<double> scratch(n);                     // A q_j
  std::vector<double> scaled(scale_columns ? n : 0);  // c w, when scale_columns
  std::vector<double> coefficients;
  std::vector<double> partial;

  struct Norms {
    double sum = 0.0, l1 = 0.0, squares = 0.0;
  };
  // One Lanczos step in two passes over the edges. The first forms A q_j and
  // alpha_j = q_j' A^T A q_j = ||A q_j||^2, the second w = A^T (A q_j) minus
  // alpha_j q_j + beta_{j-1} q_{j-1} (the three-term step), each row as soon
  // as it is formed, and per block either the norms of w (sum, L1, squared
  // L2: the step is then complete) or, with `reorthogonalize`, the dot
  // products q_i' w of the whole basis (into `coefficients`) and ||w||^2,
  // for the full reorthogonalization that follows. Partial sums are added in
  // block order.
  //
  // When q_j is still w / ||w|| (defer_basis), the first pass reads w and
  // scales, and writes q_j on the way: no pass of its own.
  double deferred_scale = 0.0;  // > 0: q[size - 1] is w * deferred_scale, not yet written
  double basis_scale = 0.0;     // c q[size - 1] = scaled * basis_scale
  auto step = [&](std::size_t j, bool reorthogonalize) {
    const std::vector<double>& qj = q[j];
    const double scale = deferred_scale;
    deferred_scale = 0.0;
    const double a = forward_blocks.sum([&](std::size_t begin, std::size_t end) {
      // ||A q_j||^2 accumulates in the product's loop (no second pass).
      double squares = 0.0;
      if (scale_columns) {
        for (std::size_t u = begin; u < end; ++u) {
          const double value = forward.row_dot(u, scaled.data()) * basis_scale;
          scratch[u] = value;
          squares += value * value;
          if (scale > 0.0) q[j][u] = w[u] * scale;
        }
      } else if (scale > 0.0) {
        std::vector<double>& target = q[j];
        for (std::size_t u = begin; u < end; ++u) {
          const double value = forward.row_dot(u, w.data()) * scale;
          scratch[u] = value;
          squares += value * value;
          target[u] = w[u] * scale;
        }
      } else {
        for (std::size_t u = begin; u < end; ++u) {
          const double value = forward.row_dot(u, qj.data());
          scratch[u] = value;
          squares += value * value;
        }
      }
      return squares;
    });
    alpha.push_back(a);
    const double b = j > 0 ? beta[j - 1] : 0.0;
    const double* previous = j > 0 ? q[j - 1].data() : qj.data();  // weight 0 when j = 0
    const std::size_t stride = reorthogonalize ? size + 1 : 3;
    partial.assign(block_count * stride, 0.0);
    blocks.run([&](std::size_t begin, std::size_t end, std::size_t block) {
      double* part = partial.data() + block * stride;
      double sum = 0.0;
      double l1 = 0.0;
      double squares = 0.0;
      for (std::size_t v = begin; v < end; ++v) {
        const double value = transposed.row_dot(v, scratch.data()) - (a * qj[v] + b * previous[v]);
        w[v] = value;
        sum += value;
        l1 += std::abs(value);
        squares += value * value;
      }
      if (scale_columns) {
        for (std::size_t v = begin; v < end; ++v) scaled[v] = column_scale[v] * w[v];
      }
      if (reorthogonalize) {
        for (std::size_t i = 0; i < size; ++i) part[i] = dot(q[i].data(), w.data(), begin, end);
        part[size] = squares;
      } else {
        part[0] = sum;
        part[1] = l1;
        part[2] = squares;
      }
    });
    coefficients.assign(stride, 0.0);
    for (std::size_t block = 0; block < block_count; ++block) {
      for (std::size_t i = 0; i < stride; ++i) coefficients[i] += partial[block * stride + i];
    }
    Norms out;
    if (reorthogonalize) {
      out.squares = coefficients[size];
      coefficients.resize(size);
    } else {
      out = {.sum = coefficients[0], .l1 = coefficients[1], .squares = coefficients[2]};
    }
    return out;
  };
  // The dot products q_i' w over the basis, per block, added in block order.
  auto project = [&]() {
    partial.assign(light_count * size, 0.0);
    light.run([&](std::size_t begin, std::size_t end, std::size_t b) {
      for (std::size_t i = 0; i < size; ++i) partial[b * size + i] = dot(q[i].data(), w.data(), begin, end);
    });
    coefficients.assign(size, 0.0);
    for (std::size_t b = 0; b < light_count; ++b) {
      for (std::size_t i = 0; i < size; ++i) coefficients[i] += partial[b * size + i];
    }
  };
  // w -= sum_i coefficients[i] q_i over the basis (none when `subtract` is
  // false), then the sum, L1 norm and squared L2 norm of w, in one pass.
  auto orthogonalize = [&](bool subtract) {
    partial.assign(light_count * 3, 0.0);
    light.run([&](std::size_t begin, std::size_t end, std::size_t b) {
      if (subtract) {
        for (std::size_t i = 0; i < size; ++i) {
          const double c = coefficients[i];
          const double* qi = q[i].data();
          for (std::size_t v = begin; v < end; ++v) w[v] -= c * qi[v];
        }
      }
      double sum = 0.0, l1 = 0.0, squares = 0.0;
      for (std::size_t v = begin; v < end; ++v) {
        sum += w[v];
        l1 += std::abs(w[v]);
        squares += w[v] * w[v];
      }
      if (scale_columns) {
        for (std::size_t v = begin; v < end; ++v) scaled[v] = column_scale[v] * w[v];
      }
      partial[3 * b] = sum;
      partial[3 * b + 1] = l1;
      partial[3 * b + 2] = squares;
    });
    Norms out;
    for (std::size_t b = 0; b < light_count; ++b) {
      out.sum += partial[3 * b];
      out.l1 += partial[3 * b + 1];
      out.squares += partial[3 * b + 2];
    }
    return out;
  };
  // Appends w / ||w||_2 to the basis.
  auto push_basis = [&](const Norms& m) {
    const double norm = std::sqrt(m.squares);
    if (q.size() == size) q.emplace_back(n);
    std::vector<double>& next = q[size];
    light.run([&](std::size_t begin, std::size_t end, std::size_t) {
      for (std::size_t v = begin; v < end; ++v) next[v] = w[v] / norm;
      if (scale_columns) {
        for (std::size_t v = begin; v < end; ++v) scaled[v] = column_scale[v] * next[v];
      }
    });
    ++size;
    q_sum.push_back(m.sum / norm);
    basis_scale = 1.0;
  };
  // Appends w / ||w||_2 to the basis, to be written by the next step().
  auto defer_basis = [&](const Norms& m) {
    const double norm = std::sqrt(m.squares);
    if (q.size() == size) q.emplace_back(n);
    ++size;
    q_sum.push_back(m.sum / norm);
    deferred_scale = 1.0 / norm;
    basis_scale = deferred_scale;
  };
  // y = sum_i s_i q_i.
  auto ritz_vector = [&](const std::vector<double>& s, std::vector<double>& y) {
    light.run([&](std::size_t begin, std::size_t end, std::size_t) {
      for (std::size_t v = begin; v < end; ++v) y[v] = 0.0;
      for (std::size_t i = 0; i < s.size(); ++i) {
        const double c = s[i];
        const double* qi = q[i].data();
        for (std::size_t v = begin; v < end; ++v) y[v] += c * qi[v];
      }
    });
  };

  // Start: A^T 1 (the in-strengths), the authorities one power step from
  // uniform hubs (so both methods reach the same vector when the top
  // eigenvalue is repeated).
  blocks.run([&](std::size_t begin, std::size_t end, std::size_t) {
    for (std::size_t v = begin; v < end; ++v) w[v] = transposed.row_sum(v);
  });
  push_basis(orthogonalize(/*subtract=*/false));

  Convergence& convergence = result.convergence;
  convergence.residual = std::numeric_limits<double>::infinity();
  const double bound = static_cast<double>(n) * options.tolerance;
  std::vector<double> y(n);
  std::vector<double> s{1.0};
  double last_theta = 0.0;  // largest Ritz value of the previous step (a lower bound for the next)
  double best = std::numeric_limits<double>::infinity();  // smallest residual of a finished cycle
  int stalled_cycles = 0;
  bool reorthogonalize = false;  // full reorthogonalization (from the first nearly converged Ritz vector on)
  while (true) {
    bool restart = false;
    bool stop = convergence.iterations >= options.max_iterations;
    while (!stop && !restart) {
      const std::size_t j = size - 1;
      // The three-term step; once a Ritz vector is close to converging, a
      // full reorthogonalization against the basis after it, and once more
      // if that cancelled most of w (Kahan-Parlett: "twice is enough").
      Norms m = step(j, reorthogonalize);
      ++convergence.iterations;
      if (reorthogonalize) {
        const double before = m.squares;
        m = orthogonalize(/*subtract=*/true);
        if (m.squares < 0.25 * before) {
          project();
          m = orthogonalize(/*subtract=*/true);
        }
      }
      double theta = 0.0;
      std::tie(theta, s) = top_eigenpair(alpha, beta, last_theta);
      last_theta = theta;
      // ||M y - theta y||_1 / theta for y scaled to sum 1.
      double y_sum = 0.0;
      for (std::size_t i = 0; i < s.size(); ++i) y_sum += s[i] * q_sum[i];
      const double residual = theta > 0.0 && y_sum != 0.0 ? std::abs(s.back()) * m.l1 / (theta * std::abs(y_sum))
                                                          : std::numeric_limits<double>::infinity();
      convergence.residual = residual;
      const bool breakdown = std::sqrt(m.squares) <= 1e-14 * std::max(theta, 0.0);  // invariant subspace
      // Paige: the basis loses orthogonality only towards Ritz vectors that
      // have converged, by about eps ||M|| / (their residual). While the
      // relative residual beta_j |s_j| / theta stays above 1e-6 the basis is
      // orthogonal to 1e-10 (semi-orthogonal: the Ritz values are accurate,
      // Simon 1984) and the three-term step suffices; below, every step
      // reorthogonalizes fully, so no spurious copies of theta appear.
      if (!reorthogonalize && theta > 0.0 && std::sqrt(m.squares) * std::abs(s.back()) < 1e-6 * theta) {
        reorthogonalize = true;
      }
      if (residual < bound || breakdown) {
        convergence.converged = true;
        stop = true;
      } else if (convergence.iterations >= options.max_iterations) {
        stop = true;
      } else if (size == basis_limit) {
        restart = true;
        // A cycle that improves nothing has reached rounding level: stop.
        stalled_cycles = residual < best ? 0 : stalled_cycles + 1;
        best = std::min(best, residual);
        if (stalled_cycles >= 3) stop = true;
      } else {
        beta.push_back(std::sqrt(m.squares));
        defer_basis(m);
      }
    }
    ritz_vector(s, y);
    if (stop) break;
    // Restart from the Ritz vector.
    double squares = 0.0;
    for (double v : y) squares += v * v;  // in vertex order: the same for every thread count
    for (std::size_t v = 0; v < n; ++v) w[v] = y[v];
    size = 0;
    last_theta = 0.0;
    q_sum.clear();
    alpha.clear();
    beta.clear();
    Norms m;
    m.squares = squares;
    for (double v : y) m.sum += v;
    push_basis(m);
  }

  // Authorities: the Ritz vector, signed to be non-negative (entries that are 0
  // in the limit may carry rounding noise of either sign: cut to 0), sum 1.
  double total = 0.0;
  for (double v : y) total += v;
  const double sign = total < 0.0 ? -1.0 : 1.0;
  double kept = 0.0;
  for (double& v : y) {
    v = std::max(0.0, sign * v);
    kept += v;
  }
  if (kept > 0.0) {
    for (double& v : y) v /= kept;
  }
  result.authorities = std::move(y);
  // Hubs: A a, sum 1.
  result.hubs.assign(n, 0.0);
  if (scale_columns) {
    for (std::size_t v = 0; v < n; ++v) w[v] = column_scale[v] * result.authorities[v];
    product(forward_blocks, forward, w, result.hubs, /*normalize=*/true);
  } else {
    product(forward_blocks, forward, result.authorities, result.hubs, /*normalize=*/true);
  }
  return result;
}

}  // namespace orgnet
