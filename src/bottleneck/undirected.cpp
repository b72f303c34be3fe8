#include "bottleneck/undirected.hpp"

#include <algorithm>
#include <limits>

namespace orgnet::bottleneck_detail {

Contacts make_contacts(const InfluenceGraph& graph, bool weighted) {
  const std::size_t n = graph.num_vertices();
  Contacts c;
  c.offsets.assign(n + 1, 0);
  const auto strengths = graph.strengths();
  // Pass 1 counts the union of the two sorted lists, pass 2 fills it.
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) {
      for (std::size_t v = 0; v < n; ++v) c.offsets[v + 1] += c.offsets[v];
      c.neighbor.resize(c.offsets[n]);
      c.mutual.resize(c.offsets[n]);
    }
    for (vertex_id v = 0; v < n; ++v) {
      const auto out = graph.out_neighbors(v);
      const auto out_s = graph.out_strengths(v);
      const auto in = graph.in_neighbors(v);
      const auto in_e = graph.in_edges(v);
      std::size_t i = 0, j = 0, k = pass == 1 ? c.offsets[v] : 0, count = 0;
      while (i < out.size() || j < in.size()) {
        vertex_id x = 0;
        double m = 0.0;
        if (j == in.size() || (i < out.size() && out[i] < in[j])) {
          x = out[i];
          m = weighted ? out_s[i] : 1.0;
          ++i;
        } else if (i == out.size() || in[j] < out[i]) {
          x = in[j];
          m = weighted ? strengths[in_e[j]] : 1.0;
          ++j;
        } else {
          x = out[i];
          m = weighted ? out_s[i] + strengths[in_e[j]] : 2.0;
          ++i;
          ++j;
        }
        if (pass == 1) {
          c.neighbor[k] = x;
          c.mutual[k] = m;
          ++k;
        }
        ++count;
      }
      if (pass == 0) c.offsets[v + 1] = count;
    }
  }
  return c;
}

double fragmentation_of(double connected_pairs, std::size_t people) noexcept {
  if (people < 2) return std::numeric_limits<double>::quiet_NaN();
  const double n = static_cast<double>(people);
  return 1.0 - connected_pairs / (n * (n - 1.0));
}

PieceScan scan_pieces(const Contacts& contacts, std::span<const char> removed) {
  const std::size_t n = contacts.num_vertices();
  PieceScan s;
  s.component.assign(n, PieceScan::none);
  s.parent.assign(n, PieceScan::none);
  s.subtree.assign(n, 0);
  s.discovery.assign(n, 0);
  s.low.assign(n, 0);
  s.pieces.assign(n, 0);
  s.largest_piece.assign(n, 0);
  s.piece_pairs.assign(n, 0.0);
  std::vector<std::uint32_t> in_pieces(n, 0);  // people in the child pieces found so far
  struct Frame {
    vertex_id v;
    std::size_t next;  // index into v's contacts
  };
  std::vector<Frame> stack;
  std::vector<vertex_id> members;  // of the current component, in discovery order
  std::uint32_t clock = 0;
  auto is_removed = [&](vertex_id v) { return !removed.empty() && removed[v] != 0; };

  for (vertex_id root = 0; root < n; ++root) {
    if (is_removed(root) || s.discovery[root] != 0) continue;
    const auto comp = static_cast<std::uint32_t>(s.component_size.size());
    members.clear();
    s.discovery[root] = s.low[root] = ++clock;
    s.component[root] = comp;
    members.push_back(root);
    stack.push_back({root, 0});
    while (!stack.empty()) {
      Frame& f = stack.back();
      const vertex_id v = f.v;
      const auto nb = contacts.neighbors(v);
      if (f.next < nb.size()) {
        const vertex_id w = nb[f.next++];
        if (is_removed(w)) continue;
        if (s.discovery[w] == 0) {
          s.parent[w] = v;
          s.discovery[w] = s.low[w] = ++clock;
          s.component[w] = comp;
          members.push_back(w);
          stack.push_back({w, 0});
        } else if (w != s.parent[v]) {
          s.low[v] = std::min(s.low[v], s.discovery[w]);
        }
        continue;
      }
      // v is finished.
      s.subtree[v] += 1;
      stack.pop_back();
      const vertex_id p = s.parent[v];
      if (p != PieceScan::none) {
        s.subtree[p] += s.subtree[v];
        s.low[p] = std::min(s.low[p], s.low[v]);
        // Without p, v's subtree is cut off from p's ancestors: a piece of p.
        if (s.low[v] >= s.discovery[p]) {
          const std::uint32_t piece = s.subtree[v];
          s.pieces[p] += 1;
          s.largest_piece[p] = std::max(s.largest_piece[p], piece);
          s.piece_pairs[p] += static_cast<double>(piece) * static_cast<double>(piece - 1);
          in_pieces[p] += piece;
        }
      }
    }
    const std::size_t size = members.size();
    s.component_size.push_back(size);
    s.connected_pairs += static_cast<double>(size) * static_cast<double>(size - 1);
    // The rest of the component (p's ancestors' side) is one more piece.
    for (const vertex_id v : members) {
      const auto rest = static_cast<std::uint32_t>(size - 1 - in_pieces[v]);
      if (rest > 0) {
        s.pieces[v] += 1;
        s.largest_piece[v] = std::max(s.largest_piece[v], rest);
        s.piece_pairs[v] += static_cast<double>(rest) * static_cast<double>(rest - 1);
      }
    }
  }
  for (std::size_t c = 0; c < s.component_size.size(); ++c) s.present += s.component_size[c];
  return s;
}

}  // namespace orgnet::bottleneck_detail
