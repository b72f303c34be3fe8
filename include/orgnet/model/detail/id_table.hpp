#pragma once
// Open-addressing hash index from person id to dense index.
//
// Each slot holds (index, 32-bit hash tag); the ids themselves live with the
// caller, who passes a function returning the id of an index. Compared with
// std::unordered_map<std::string_view, ...> there is no node per entry (8 bytes
// a slot, at most half full) and a lookup costs one cache miss instead of three,
// which was most of the time of loading a large tie file.

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace orgnet::detail {

class IdTable {
 public:
  static constexpr std::uint32_t not_found = UINT32_MAX;

  /// The tag of an id: 32 bits of its hash (the home slot is taken from it too,
  /// so a table never needs the full hash again when it grows).
  [[nodiscard]] static std::uint32_t tag_of(std::string_view id) noexcept {
    const std::uint64_t h = std::hash<std::string_view>{}(id);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }

  /// Index of `id` (whose tag is `tag`), or not_found. `id_of(i)` returns the id of index i.
  template <class IdOf>
  [[nodiscard]] std::uint32_t find(std::string_view id, std::uint32_t tag, const IdOf& id_of) const {
    if (slots_.empty()) return not_found;
    for (std::size_t s = tag & mask_;; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.index == empty) return not_found;
      if (slot.tag == tag && id_of(slot.index) == id) return slot.index;
    }
  }

  /// Asks the processor to start loading the home slot of `tag`.
  void prefetch(std::uint32_t tag) const noexcept {
    if (!slots_.empty()) __builtin_prefetch(&slots_[tag & mask_]);
  }
  /// Index stored in the home slot of `tag` (not_found if empty): a likely
  /// candidate whose id the caller may prefetch before calling find().
  [[nodiscard]] std::uint32_t home_index(std::uint32_t tag) const noexcept {
    return slots_.empty() ? not_found : slots_[tag & mask_].index;
  }

  /// Records that an id with tag `tag`, not yet present, has index `index`.
  void insert(std::uint32_t tag, std::uint32_t index) {
    if ((size_ + 1) * 2 > slots_.size()) rebuild(slots_.empty() ? 16 : slots_.size() * 2);
    place(tag, index);
    ++size_;
  }

  /// Makes room for `count` entries in total, so filling does not rehash.
  void reserve(std::size_t count) {
    std::size_t capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    if (capacity > slots_.size()) rebuild(capacity);
  }

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] std::size_t memory_bytes() const noexcept { return slots_.capacity() * sizeof(Slot); }

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;
  struct Slot {
    std::uint32_t index = empty;
    std::uint32_t tag = 0;
  };

  void place(std::uint32_t tag, std::uint32_t index) {
    std::size_t s = tag & mask_;
    while (slots_[s].index != empty) s = (s + 1) & mask_;
    slots_[s] = Slot{index, tag};
  }

  void rebuild(std::size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const Slot& slot : old) {
      if (slot.index != empty) place(slot.tag, slot.index);
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace orgnet::detail
