#pragma once
// Seeded synthetic organizations for benchmarks: a people CSV (departments, a
// manager tree) and a ties CSV (advice, friendship, email) of a given size.
// The same seed always gives the same files, on every machine.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "orgnet/detail/random.hpp"

namespace orgnet::bench {

struct SyntheticOrg {
  std::filesystem::path people;
  std::filesystem::path ties;
};

/// Writes `people` people in 50 departments and `ties` ties into `dir`.
/// Person ids look like HR exports ("E0001234"); each person's manager is an
/// earlier person of the same department (a forest); ties join random people.
inline SyntheticOrg write_synthetic_org(const std::filesystem::path& dir, std::size_t people, std::size_t ties,
                                        std::uint64_t seed = 42) {
  std::filesystem::create_directories(dir);
  detail::SplitMix64 rng(seed);
  auto id = [](std::size_t i) {
    const std::string digits = std::to_string(i);
    std::string text = "E";
    text.append(digits.size() < 7 ? 7 - digits.size() : 0, '0').append(digits);
    return text;
  };
  SyntheticOrg files{dir / "people.csv", dir / "ties.csv"};
  {
    std::ofstream out(files.people);
    out << "id,name,department,title,manager\n";
    constexpr std::size_t departments = 50;
    for (std::size_t i = 0; i < people; ++i) {
      const std::size_t dep = i % departments;
      out << id(i) << ",Person " << i << ",Dept " << dep << ",Analyst,";
      if (i >= departments) out << id(dep + departments * rng.below(i / departments));
      out << '\n';
    }
  }
  {
    std::ofstream out(files.ties);
    out << "source,target,relation,weight\n";
    static constexpr const char* relations[] = {"advice", "friendship", "email"};
    for (std::size_t t = 0; t < ties; ++t) {
      const std::size_t u = rng.below(people);
      std::size_t v = rng.below(people - 1);
      if (v >= u) ++v;
      out << id(u) << ',' << id(v) << ',' << relations[t % 3] << ',' << 1 + rng.below(5) << '\n';
    }
  }
  return files;
}

}  // namespace orgnet::bench
