#pragma once
// Helpers shared by the C++ tests.

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "orgnet/detail/random.hpp"
#include "orgnet/error.hpp"
#include "orgnet/model/graph_builder.hpp"

namespace orgnet::test {

/// A fresh directory under the system temp dir, removed at destruction.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("orgnet_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// Writes `content` to `name` inside the directory and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& content) const {
    auto file = path_ / name;
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// The message of the orgnet::invalid_argument that `f` throws; fails the test
/// if it throws nothing or something else.
template <class F>
std::string invalid_argument_message(F&& f) {
  try {
    f();
  } catch (const orgnet::invalid_argument& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "expected orgnet::invalid_argument, got another exception: " << e.what();
    return {};
  }
  ADD_FAILURE() << "expected orgnet::invalid_argument, nothing was thrown";
  return {};
}

// A hand-worked organization used by several tests.
//
//   people: a (S), b (S, manager a), c (T, manager a), d (no department)
//   ties (as observed)             arc (influence)   strength before merging
//   b advice a   w 1               a -> b            1/4  (b's advice weights: 1 + 3)
//   b advice c   w 3               c -> b            3/4
//   c trust a    w 2               a -> c            1/2  (c's trust weights: 2 + 2)
//   c trust b    w 2               b -> c            1/2
//   a email b    w 2               a -> b            2/8  (b's email weights: 2 + 6)
//   d email b    w 6               d -> b            6/8
//   c cowork d   w 1               c -> d, d -> c    1 each (cowork goes both ways)
//   c reports_to a  w 0.5          a -> c            0.5  (as_is)
//   a advice a   (self-tie)        none
//
//   merged: a -> b = 1 - (3/4)(3/4) = 7/16; a -> c = 1 - (1/2)(1/2) = 3/4
inline InfluenceGraph hand_worked_graph() {
  GraphBuilder b;
  b.add_person({.id = "a", .department = "S"});
  b.add_person({.id = "b", .department = "S", .manager = "a"});
  b.add_person({.id = "c", .department = "T", .manager = "a"});
  b.add_person({.id = "d"});
  b.add_tie("b", "a", "advice", 1);
  b.add_tie("b", "c", "advice", 3);
  b.add_tie("c", "a", "trust", 2);
  b.add_tie("c", "b", "trust", 2);
  b.add_tie("a", "b", "email", 2);
  b.add_tie("d", "b", "email", 6);
  b.add_tie("c", "d", "cowork", 1);
  b.add_tie("c", "a", "reports_to", 0.5);
  b.add_tie("a", "a", "advice", 1);
  return std::move(b).build();
}

/// An influence edge u -> v of strength s, for graph_of.
using StrengthTie = std::tuple<std::string, std::string, double>;

/// People in the order given, then influence edges u -> v with exactly the
/// strengths given (relation "tie": source influences target, weights as is).
inline InfluenceGraph graph_of(const std::vector<std::string>& people, const std::vector<StrengthTie>& ties) {
  RelationMap map;
  map.set("tie", {InfluenceDirection::source_to_target, StrengthRule::as_is});
  GraphBuilder b({.relations = map, .unknown_people = UnknownPersonPolicy::create});
  for (const auto& p : people) b.add_person({.id = p});
  for (const auto& [u, v, s] : ties) b.add_tie(u, v, "tie", s);
  return std::move(b).build();
}

/// A seeded random directed graph of n people and `ties` distinct ordered
/// pairs (no self-ties) with strengths 1, 1/2 or 1/4: under 1/s the lengths
/// 1, 2, 4 add exactly, so equal-length paths tie exactly, as in brute force.
inline InfluenceGraph random_exact_graph(std::uint64_t seed, std::size_t n, std::size_t ties) {
  detail::SplitMix64 rng(seed);
  std::vector<std::string> people;
  for (std::size_t i = 0; i < n; ++i) {
    std::string id = std::to_string(i);
    id.insert(id.begin(), 'p');  // not "p" + ...: GCC 12 warns falsely (-Wrestrict) when inlined
    people.push_back(std::move(id));
  }
  std::vector<StrengthTie> list;
  std::vector<char> used(n * n, 0);
  const double strengths[] = {1.0, 0.5, 0.25};
  while (list.size() < ties) {
    const auto u = rng.below(n), v = rng.below(n);
    if (u == v || used[u * n + v]) continue;
    used[u * n + v] = 1;
    list.emplace_back(people[u], people[v], strengths[rng.below(3)]);
  }
  return graph_of(people, list);
}

}  // namespace orgnet::test
