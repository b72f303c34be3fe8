#pragma once
// Small, fully specified random number generation for seeded algorithms.
//
// Results of orgnet's randomized algorithms must be identical for a given seed
// on every machine and for every thread count. The standard distributions are
// implementation-defined, so orgnet uses its own: SplitMix64 (Steele, Lea and
// Flood, OOPSLA 2014) and Lemire's multiply-shift reduction for bounded
// integers. A parallel algorithm gives each work item its own stream,
// SplitMix64(stream_seed(seed, item)), so the draws do not depend on which
// thread runs the item.

#include <cstdint>

namespace orgnet::detail {

// Unsigned 128-bit arithmetic for the bounded-integer reduction (a GCC/Clang
// extension, spelled so that -Wpedantic accepts it).
__extension__ using uint128 = unsigned __int128;

class SplitMix64 {
 public:
  explicit constexpr SplitMix64(std::uint64_t seed) noexcept : state_(seed) {}

  constexpr std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  /// Uniform integer in [0, bound), bound > 0 (bias below 2^-32 for bound < 2^32).
  constexpr std::uint64_t below(std::uint64_t bound) noexcept {
    return static_cast<std::uint64_t>((static_cast<uint128>(next()) * bound) >> 64);
  }

  /// Uniform double in [0, 1) with 53 random bits.
  constexpr double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

/// Seed of the independent stream for work item `item` of a run seeded `seed`.
[[nodiscard]] constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t item) noexcept {
  SplitMix64 mix(seed ^ (item * 0xD1B54A32D192ED03ULL));
  mix.next();
  return mix.next();
}

}  // namespace orgnet::detail
