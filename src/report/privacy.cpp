#include "orgnet/report/privacy.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

#include "orgnet/detail/random.hpp"
#include "orgnet/error.hpp"
#include "orgnet/model/graph_builder.hpp"

namespace orgnet {

namespace {

// FNV-1a over the salt, a separator and the id, finished by a SplitMix64 step
// seeded with the salt's own hash (so equal ids under different salts differ).
std::uint64_t keyed_hash(const std::string& salt, const std::string& id) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto eat = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ULL;
  };
  for (char c : salt) eat(static_cast<unsigned char>(c));
  const std::uint64_t salt_hash = h;
  eat(0);
  for (char c : id) eat(static_cast<unsigned char>(c));
  detail::SplitMix64 mix(h ^ detail::stream_seed(salt_hash, id.size()));
  return mix.next();
}

}  // namespace

std::vector<std::string> pseudonyms(const InfluenceGraph& graph, const PseudonymOptions& options) {
  if (options.prefix.empty()) throw invalid_argument("pseudonyms: prefix must not be empty");
  const std::size_t n = graph.num_vertices();
  std::vector<vertex_id> order(n);
  std::iota(order.begin(), order.end(), vertex_id{0});
  if (!options.salt.empty()) {
    std::vector<std::uint64_t> key(n);
    for (vertex_id v = 0; v < n; ++v) key[v] = keyed_hash(options.salt, graph.id(v));
    std::stable_sort(order.begin(), order.end(), [&](vertex_id a, vertex_id b) { return key[a] < key[b]; });
  }
  const std::size_t digits = std::max<std::size_t>(4, std::to_string(n).size());
  std::vector<std::string> out(n);
  for (std::size_t rank = 0; rank < n; ++rank) {
    std::string number = std::to_string(rank + 1);
    out[order[rank]] = options.prefix + std::string(digits - number.size(), '0') + number;
  }
  return out;
}

InfluenceGraph pseudonymize(const InfluenceGraph& graph, const PseudonymOptions& options) {
  const std::vector<std::string> alias = pseudonyms(graph, options);
  // Managers are carried by the person records, so no relation sets them again.
  GraphBuilder builder(BuildOptions{
      .relations = graph.relation_map(), .unknown_people = UnknownPersonPolicy::error, .hierarchy_relation = ""});
  for (vertex_id v = 0; v < graph.num_vertices(); ++v) {
    Person p;
    p.id = alias[v];
    const department_id d = graph.department(v);
    if (d != no_department) p.department = graph.department_name(d);
    if (graph.level_given(v)) p.level = graph.level(v);
    if (graph.manager(v) != no_vertex) p.manager = alias[graph.manager(v)];
    builder.add_person(std::move(p));
  }
  for (const TieRecord& tie : graph.ties()) {
    builder.add_tie(alias[tie.source], alias[tie.target], graph.relation_name(tie.relation), tie.weight);
  }
  return std::move(builder).build();
}

}  // namespace orgnet
