#include "orgnet/model/generators.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "orgnet/detail/random.hpp"
#include "orgnet/error.hpp"
#include "orgnet/model/graph_builder.hpp"

namespace orgnet {

InfluenceGraph generate_company(const CompanyOptions& o) {
  auto share_ok = [](double x) { return x >= 0.0 && x <= 1.0; };
  if (o.people < 2) throw invalid_argument("generate_company: people must be >= 2, got " + std::to_string(o.people));
  if (o.departments < 1) throw invalid_argument("generate_company: departments must be >= 1");
  if (o.levels < 2) throw invalid_argument("generate_company: levels must be >= 2, got " + std::to_string(o.levels));
  if (!share_ok(o.within_department) || !share_ok(o.upward)) {
    throw invalid_argument("generate_company: within_department and upward must lie in [0, 1]");
  }
  if (!(o.ties_per_person >= 0.0) || !std::isfinite(o.ties_per_person)) {
    throw invalid_argument("generate_company: ties_per_person must be a finite number >= 0");
  }
  detail::SplitMix64 rng(o.seed);
  const std::size_t n = o.people;
  const std::size_t departments = std::min(o.departments, n - 1);

  // Department members (person 0, the CEO, belongs to none) and each member's
  // manager: member k of a department reports to member (k - 1) / span, the
  // first member (the head) to the CEO.
  std::vector<std::vector<std::size_t>> members(departments);
  std::vector<std::size_t> department_of(n, departments);
  for (std::size_t p = 1; p < n; ++p) {
    department_of[p] = (p - 1) % departments;
    members[department_of[p]].push_back(p);
  }
  std::vector<std::size_t> manager(n, n);
  for (const auto& list : members) {
    const double depth = static_cast<double>(std::max<std::size_t>(o.levels, 3) - 2);
    const auto span = std::max<std::size_t>(
        2, static_cast<std::size_t>(std::ceil(std::pow(static_cast<double>(list.size()), 1.0 / depth))));
    for (std::size_t k = 0; k < list.size(); ++k) manager[list[k]] = k == 0 ? 0 : list[(k - 1) / span];
  }
  if (o.levels == 2) {
    for (std::size_t p = 1; p < n; ++p) manager[p] = 0;
  }

  auto id = [](std::size_t p) {
    std::string text = "p";  // appended, not "p" + ...: GCC 12 warns falsely (-Wrestrict) on that
    text += std::to_string(p);
    return text;
  };
  GraphBuilder builder;
  builder.add_person({.id = id(0), .title = "CEO"});
  for (std::size_t p = 1; p < n; ++p) {
    builder.add_person({.id = id(p),
                        .department = std::string("D").append(std::to_string(department_of[p])),
                        .manager = id(manager[p])});
  }

  const double whole = std::floor(o.ties_per_person);
  const double fraction = o.ties_per_person - whole;
  std::vector<std::size_t> chain;
  for (std::size_t u = 0; u < n; ++u) {
    const auto count = static_cast<std::size_t>(whole) + (rng.uniform() < fraction ? 1 : 0);
    chain.clear();
    for (std::size_t m = manager[u]; m < n; m = manager[m]) chain.push_back(m);
    for (std::size_t t = 0; t < count; ++t) {
      std::size_t v = 0;
      if (!chain.empty() && rng.uniform() < o.upward) {
        v = chain[rng.below(chain.size())];
      } else {
        std::size_t dep = department_of[u] < departments ? department_of[u] : rng.below(departments);
        if (departments > 1 && rng.uniform() >= o.within_department) {
          dep = (dep + 1 + rng.below(departments - 1)) % departments;  // another department
        }
        v = members[dep][rng.below(members[dep].size())];
        if (v == u) v = manager[u] < n ? manager[u] : members[dep][0];
        if (v == u) continue;  // a one-person department: no one else to pick
      }
      const char* relation = rng.below(2) == 0 ? "advice" : "communication";
      builder.add_tie(id(u), id(v), relation, static_cast<double>(1 + rng.below(5)));
    }
  }
  return std::move(builder).build();
}

}  // namespace orgnet
