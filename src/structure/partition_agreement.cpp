#include "orgnet/structure/partition_agreement.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

#include "orgnet/error.hpp"

namespace orgnet {

Labeling department_labeling(const InfluenceGraph& graph) {
  Labeling labeling;
  labeling.label.resize(graph.num_vertices());
  for (vertex_id v = 0; v < graph.num_vertices(); ++v) {
    const department_id d = graph.department(v);
    labeling.label[v] = d == no_department ? Labeling::missing : static_cast<std::int32_t>(d);
  }
  for (department_id d = 0; d < static_cast<department_id>(graph.num_departments()); ++d) {
    labeling.names.push_back(graph.department_name(d));
  }
  return labeling;
}

Labeling attribute_labeling(const InfluenceGraph& graph, std::string_view attribute) {
  const auto column = graph.attribute_column(attribute);
  Labeling labeling;
  labeling.label.resize(graph.num_vertices());
  std::unordered_map<std::string_view, std::int32_t> index;
  for (vertex_id v = 0; v < graph.num_vertices(); ++v) {
    const std::string& value = column[v];
    if (value.empty()) {
      labeling.label[v] = Labeling::missing;
      continue;
    }
    auto [it, inserted] = index.try_emplace(value, static_cast<std::int32_t>(labeling.names.size()));
    if (inserted) labeling.names.push_back(value);
    labeling.label[v] = it->second;
  }
  return labeling;
}

Labeling community_labeling(const CommunityResult& communities) {
  Labeling labeling;
  labeling.label.assign(communities.community.begin(), communities.community.end());
  for (std::size_t c = 0; c < communities.count(); ++c) labeling.names.push_back("C" + std::to_string(c + 1));
  return labeling;
}

Labeling labeling_from_values(std::span<const std::int64_t> values) {
  std::map<std::int64_t, std::int32_t> index;
  for (std::int64_t v : values) {
    if (v >= 0) index.emplace(v, 0);
  }
  Labeling labeling;
  for (auto& [value, group] : index) {
    group = static_cast<std::int32_t>(labeling.names.size());
    labeling.names.push_back(std::to_string(value));
  }
  labeling.label.reserve(values.size());
  for (std::int64_t v : values) labeling.label.push_back(v >= 0 ? index[v] : Labeling::missing);
  return labeling;
}

void validate_labeling(const Labeling& labeling, std::size_t n, std::string_view argument) {
  if (labeling.label.size() != n) {
    throw invalid_argument(std::string(argument) + ": " + std::to_string(labeling.label.size()) + " labels for " +
                           std::to_string(n) + " people");
  }
  const auto groups = static_cast<std::int64_t>(labeling.names.size());
  for (std::size_t v = 0; v < n; ++v) {
    const std::int32_t l = labeling.label[v];
    if (l != Labeling::missing && (l < 0 || l >= groups)) {
      throw invalid_argument(std::string(argument) + ": label " + std::to_string(l) + " of vertex " +
                             std::to_string(v) + " is not a group (there are " + std::to_string(groups) +
                             " groups; -1 means missing)");
    }
  }
}

namespace {

double choose2(double x) { return x * (x - 1) / 2; }

std::vector<GroupSpread> spreads(const std::vector<std::size_t>& counts, std::size_t rows, std::size_t cols,
                                 bool by_row, double min_share, std::size_t min_size) {
  std::vector<GroupSpread> out;
  const std::size_t outer = by_row ? rows : cols, inner = by_row ? cols : rows;
  for (std::size_t i = 0; i < outer; ++i) {
    auto at = [&](std::size_t j) { return by_row ? counts[i * cols + j] : counts[j * cols + i]; };
    std::size_t size = 0;
    for (std::size_t j = 0; j < inner; ++j) size += at(j);
    if (size == 0 || size < min_size) continue;
    std::vector<std::size_t> parts;
    for (std::size_t j = 0; j < inner; ++j) {
      if (static_cast<double>(at(j)) >= min_share * static_cast<double>(size)) parts.push_back(j);
    }
    if (parts.size() < 2) continue;
    std::stable_sort(parts.begin(), parts.end(), [&](std::size_t x, std::size_t y) { return at(x) > at(y); });
    GroupSpread spread;
    spread.group = static_cast<std::int32_t>(i);
    spread.size = size;
    for (std::size_t j : parts) {
      spread.parts.push_back(static_cast<std::int32_t>(j));
      spread.part_sizes.push_back(at(j));
    }
    out.push_back(std::move(spread));
  }
  return out;
}

}  // namespace

PartitionAgreement partition_agreement(const Labeling& a, const Labeling& b, const AgreementOptions& options) {
  if (a.label.size() != b.label.size()) {
    throw invalid_argument("partition_agreement: the labelings differ in length (" + std::to_string(a.label.size()) +
                           " and " + std::to_string(b.label.size()) + ")");
  }
  if (!(options.min_share > 0 && options.min_share <= 0.5)) {
    throw invalid_argument("partition_agreement: min_share must lie in (0, 0.5], got " +
                           std::to_string(options.min_share));
  }
  const std::size_t n = a.label.size();
  validate_labeling(a, n, "partition_agreement: a");
  validate_labeling(b, n, "partition_agreement: b");
  PartitionAgreement result;
  result.a_groups = a.num_groups();
  result.b_groups = b.num_groups();
  result.a_names = a.names;
  result.b_names = b.names;
  result.counts.assign(result.a_groups * result.b_groups, 0);
  for (std::size_t v = 0; v < n; ++v) {
    if (a.label[v] == Labeling::missing || b.label[v] == Labeling::missing) continue;
    ++result.counts[static_cast<std::size_t>(a.label[v]) * result.b_groups + static_cast<std::size_t>(b.label[v])];
    ++result.compared;
  }
  std::vector<double> row(result.a_groups, 0.0), col(result.b_groups, 0.0);
  for (std::size_t i = 0; i < result.a_groups; ++i) {
    for (std::size_t j = 0; j < result.b_groups; ++j) {
      row[i] += static_cast<double>(result.count(i, j));
      col[j] += static_cast<double>(result.count(i, j));
    }
  }
  const double N = static_cast<double>(result.compared);
  const auto nonempty = [](const std::vector<double>& sums) {
    return std::count_if(sums.begin(), sums.end(), [](double x) { return x > 0; });
  };
  const auto ka = nonempty(row), kb = nonempty(col);

  // NMI (arithmetic mean), with scikit-learn's special cases.
  if ((ka == 1 && kb == 1) || (ka == 0 && kb == 0)) {
    result.nmi = 1.0;
  } else {
    auto entropy = [&](const std::vector<double>& sums) {
      double h = 0;
      for (double x : sums) {
        if (x > 0) h -= (x / N) * std::log(x / N);
      }
      return h;
    };
    double mi = 0;
    for (std::size_t i = 0; i < result.a_groups; ++i) {
      for (std::size_t j = 0; j < result.b_groups; ++j) {
        const double nij = static_cast<double>(result.count(i, j));
        if (nij > 0) mi += (nij / N) * std::log(N * nij / (row[i] * col[j]));
      }
    }
    mi = std::max(mi, 0.0);
    const double norm = (entropy(row) + entropy(col)) / 2;
    result.nmi = mi <= 0 || norm <= 0 ? 0.0 : std::min(1.0, mi / norm);
  }

  // ARI.
  double sum_ij = 0, sum_a = 0, sum_b = 0;
  for (std::size_t i = 0; i < result.a_groups; ++i) {
    for (std::size_t j = 0; j < result.b_groups; ++j) sum_ij += choose2(static_cast<double>(result.count(i, j)));
  }
  for (double x : row) sum_a += choose2(x);
  for (double x : col) sum_b += choose2(x);
  const double pairs = choose2(N);
  const double expected = pairs > 0 ? sum_a * sum_b / pairs : 0.0;
  const double denominator = (sum_a + sum_b) / 2 - expected;
  result.ari = denominator == 0 ? 1.0 : (sum_ij - expected) / denominator;

  result.splits = spreads(result.counts, result.a_groups, result.b_groups, true, options.min_share, options.min_size);
  result.merges = spreads(result.counts, result.a_groups, result.b_groups, false, options.min_share, options.min_size);
  return result;
}

}  // namespace orgnet
