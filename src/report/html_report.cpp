#include "orgnet/report/html_report.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <numeric>
#include <optional>
#include <sstream>

#include "io/utf8.hpp"
#include "orgnet/bottleneck/cut_points.hpp"
#include "orgnet/bottleneck/dominators.hpp"
#include "orgnet/bottleneck/structural_holes.hpp"
#include "orgnet/centrality/ranking.hpp"
#include "orgnet/config.hpp"
#include "orgnet/error.hpp"
#include "orgnet/persuasion/chains.hpp"
#include "orgnet/report/layout.hpp"
#include "orgnet/report/privacy.hpp"
#include "orgnet/report/summary.hpp"
#include "orgnet/structure/communities.hpp"
#include "orgnet/structure/formal_informal.hpp"
#include "orgnet/structure/mixing.hpp"
#include "orgnet/structure/partition_agreement.hpp"
#include "orgnet/structure/roles.hpp"

namespace orgnet {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const detail::Utf8Char c = detail::decode_utf8(text, pos);
    if (c.length == 0) {  // not UTF-8: one replacement character per bad byte
      out += "\xEF\xBF\xBD";
      ++pos;
      continue;
    }
    switch (c.code) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if ((c.code < 0x20 && c.code != '\t' && c.code != '\n') || c.code == 0x7F || c.code == 0xFFFE ||
            c.code == 0xFFFF) {
          out += "\xEF\xBF\xBD";
        } else {
          out.append(text.substr(pos, c.length));
        }
    }
    pos += c.length;
  }
  return out;
}

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// 19 department colours (then grey for the rest), chosen to stay apart in print;
// no red, which marks the persuasion chain.
constexpr std::array<const char*, 19> palette = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#393b79", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    "#aec7e8", "#ffbb78", "#98df8a", "#637939", "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5"};
constexpr const char* other_colour = "#cccccc";
constexpr const char* no_department_colour = "#ffffff";

std::string fixed(double value, int digits = 4) {
  if (std::isnan(value)) return "n/a";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  std::ostringstream out;
  out << std::fixed << std::setprecision(std::abs(value) >= 1000 ? 0 : digits) << value;
  return out.str();
}

std::string exact(double value) {
  if (std::isnan(value)) return "nan";
  std::array<char, 40> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.17g", value);
  return buffer.data();
}

std::string percent(double p) { return std::isnan(p) ? "n/a" : fixed(100.0 * p, 1) + "%"; }

std::string measure_title(Measure m) {
  switch (m) {
    case Measure::pagerank:
      return "PageRank (influence exerted: where influence flowing against the ties settles)";
    case Measure::betweenness:
      return "Betweenness (on how many most probable chains a person sits)";
    case Measure::degree:
      return "Degree (share of the others a person has a tie with, in or out)";
    case Measure::harmonic:
      return "Harmonic closeness (how fast a person's influence reaches the others)";
    case Measure::eigenvector:
      return "Eigenvector centrality (influence over influential people)";
    case Measure::closeness:
      return "Closeness (Wasserman-Faust, outgoing distances)";
    default:
      return std::string(to_string(m));
  }
}

// Output buffer with the few HTML shapes the report uses.
class Page {
 public:
  std::string out;

  Page& raw(std::string_view s) {
    out += s;
    return *this;
  }
  Page& text(std::string_view s) {
    out += html_escape(s);
    return *this;
  }
  void paragraph(std::string_view escaped_html) { raw("<p>").raw(escaped_html).raw("</p>\n"); }
  void begin_table(std::string_view id, std::initializer_list<std::string_view> headers) {
    raw("<table id=\"").raw(id).raw("\"><thead><tr>");
    for (auto h : headers) raw("<th>").text(h).raw("</th>");
    raw("</tr></thead><tbody>\n");
  }
  void begin_table(std::string_view id, const std::vector<std::string>& headers) {
    raw("<table id=\"").raw(id).raw("\"><thead><tr>");
    for (const auto& h : headers) raw("<th>").text(h).raw("</th>");
    raw("</tr></thead><tbody>\n");
  }
  void end_table() { raw("</tbody></table>\n"); }
  void number_cell(double value, int digits = 4) {
    raw("<td class=\"num\" data-value=\"").raw(exact(value)).raw("\">").raw(fixed(value, digits)).raw("</td>");
  }
  void count_cell(std::size_t value) {
    raw("<td class=\"num\" data-value=\"")
        .raw(std::to_string(value))
        .raw("\">")
        .raw(std::to_string(value))
        .raw("</td>");
  }
  void text_cell(std::string_view s) { raw("<td>").text(s).raw("</td>"); }
  void suppressed_cell(std::size_t k) {
    raw("<td class=\"suppressed\">suppressed (&lt; ").raw(std::to_string(k)).raw(")</td>");
  }
};

struct Context {
  const InfluenceGraph* g = nullptr;
  const HtmlReportOptions* o = nullptr;
  bool names = false;       // some person has a name (and we may print it)
  std::size_t k = 0;        // min group size (0 = off)
  std::vector<char> small;  // per department: suppressed
  [[nodiscard]] bool suppressed(department_id d) const { return k > 1 && d != no_department && small[d]; }
  [[nodiscard]] std::string department(vertex_id v) const {
    const department_id d = g->department(v);
    return d == no_department ? std::string() : g->department_name(d);
  }
};

void person_cells(Page& p, const Context& c, vertex_id v) {
  p.raw("<td class=\"person\" data-id=\"").text(c.g->id(v)).raw("\">").text(c.g->id(v)).raw("</td>");
  if (c.names) p.text_cell(c.g->name(v));
  p.text_cell(c.department(v));
}

std::vector<std::string> person_headers(const Context& c, std::initializer_list<std::string> rest, bool rank = true) {
  std::vector<std::string> h;
  if (rank) h.emplace_back("Rank");
  h.emplace_back("Person");
  if (c.names) h.emplace_back("Name");
  h.emplace_back("Department");
  h.insert(h.end(), rest.begin(), rest.end());
  return h;
}

constexpr std::string_view style = R"css(
body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222;line-height:1.4}
h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
h3{margin-bottom:.3em}.sub{color:#666;margin-top:0}
table{border-collapse:collapse;margin:.5em 0 1.2em;font-size:.92em}
th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.suppressed{color:#999;font-style:italic}
tbody tr:nth-child(even){background:#fafafa}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.2em}
.legend{display:flex;flex-wrap:wrap;gap:.3em 1.1em;font-size:.9em;margin:.5em 0}
.swatch{display:inline-block;width:.9em;height:.9em;border:1px solid #888;border-radius:50%;margin-right:.3em;vertical-align:middle}
figure{margin:0}figcaption{color:#555;font-size:.9em}
svg.sociogram{width:100%;height:auto;border:1px solid #ddd;background:#fff}
.note{color:#555;font-size:.9em}
@media print{nav{display:none}h2{page-break-before:auto}}
)css";

// ---- sociogram ---------------------------------------------------------------

struct Drawing {
  std::vector<char> drawn;
  std::size_t people = 0, ties = 0;
};

void sociogram(Page& p, const Context& c, const std::vector<double>& size_score, const std::vector<char>& broker,
               const std::vector<vertex_id>& path, HtmlReport& report) {
  const InfluenceGraph& g = *c.g;
  const HtmlReportOptions& o = *c.o;
  const std::size_t n = g.num_vertices();
  std::vector<char> drawn(n, 1);
  std::size_t people = n;
  if (n > o.max_sociogram_people) {
    drawn.assign(n, 0);
    std::vector<vertex_id> order(n);
    std::iota(order.begin(), order.end(), vertex_id{0});
    std::stable_sort(order.begin(), order.end(), [&](vertex_id a, vertex_id b) {
      const double x = std::isnan(size_score[a]) ? -1 : size_score[a];
      const double y = std::isnan(size_score[b]) ? -1 : size_score[b];
      return x > y;
    });
    for (std::size_t i = 0; i < o.max_sociogram_people; ++i) drawn[order[i]] = 1;
    for (vertex_id v = 0; v < n; ++v) {
      if (broker[v]) drawn[v] = 1;
    }
    for (vertex_id v : path) drawn[v] = 1;
    people = static_cast<std::size_t>(std::count(drawn.begin(), drawn.end(), 1));
  }
  constexpr double width = 960, height = 720, margin = 30;
  const LayoutResult layout = force_layout(
      g, {.seed = o.seed, .width = width, .height = height, .margin = margin, .include = drawn, .threads = o.threads});

  // Department colours: by size, largest first (ties by department id).
  const std::size_t nd = g.num_departments();
  std::vector<department_id> by_size(nd);
  std::iota(by_size.begin(), by_size.end(), department_id{0});
  std::stable_sort(by_size.begin(), by_size.end(), [&](department_id a, department_id b) {
    return g.department_members(a).size() > g.department_members(b).size();
  });
  std::vector<std::string> colour(nd, other_colour);
  for (std::size_t i = 0; i < nd && i < palette.size(); ++i) colour[by_size[i]] = palette[i];
  auto colour_of = [&](vertex_id v) {
    const department_id d = g.department(v);
    return d == no_department ? std::string(no_department_colour) : colour[d];
  };

  // Radius: area proportional to the score (negative / NaN count as 0).
  double max_score = 0;
  for (vertex_id v = 0; v < n; ++v) {
    if (drawn[v] && std::isfinite(size_score[v])) max_score = std::max(max_score, size_score[v]);
  }
  const double r_max = std::clamp(300.0 / std::sqrt(static_cast<double>(std::max<std::size_t>(people, 1))), 5.0, 18.0);
  const double r_min = r_max / 4;
  auto radius = [&](vertex_id v) {
    const double s = std::isfinite(size_score[v]) && max_score > 0 ? std::max(0.0, size_score[v]) / max_score : 0.0;
    return r_min + (r_max - r_min) * std::sqrt(s);
  };

  std::vector<char> on_path_vertex(n, 0);
  for (vertex_id v : path) on_path_vertex[v] = 1;

  // Ties, grouped in five strength classes (opacity 0.12 .. 0.6).
  std::array<std::string, 5> strokes;
  std::size_t ties = 0;
  auto coord = [](double value) { return fixed(value, 1); };
  for (vertex_id u = 0; u < n; ++u) {
    if (!drawn[u]) continue;
    const auto targets = g.out_neighbors(u);
    const auto strengths = g.out_strengths(u);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const vertex_id v = targets[i];
      if (!drawn[v]) continue;
      ++ties;
      const auto cls = std::min<std::size_t>(4, static_cast<std::size_t>(strengths[i] * 5.0 - 1e-9));
      strokes[cls] +=
          "M" + coord(layout.x[u]) + " " + coord(layout.y[u]) + "L" + coord(layout.x[v]) + " " + coord(layout.y[v]);
    }
  }
  report.drawn_people = people;
  report.drawn_ties = ties;

  p.raw(
      "<figure>\n<svg class=\"sociogram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 960 720\" "
      "role=\"img\" aria-label=\"Sociogram\">\n");
  p.raw(
      "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" "
      "markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"#d00\"/></marker></defs>\n");
  // Many ties would hide the people: fade them all when there are thousands.
  const double fade = std::clamp(2000.0 / static_cast<double>(std::max<std::size_t>(ties, 1)), 0.25, 1.0);
  p.raw("<g class=\"ties\" fill=\"none\" stroke=\"#555\" stroke-width=\"0.8\">\n");
  for (std::size_t cls = 0; cls < strokes.size(); ++cls) {
    if (strokes[cls].empty()) continue;
    p.raw("<path stroke-opacity=\"")
        .raw(fixed(fade * (0.12 + 0.12 * static_cast<double>(cls)), 3))
        .raw("\" d=\"")
        .raw(strokes[cls])
        .raw("\"/>\n");
  }
  p.raw("</g>\n");
  if (path.size() > 1) {
    p.raw("<g class=\"chain\" fill=\"none\" stroke=\"#d00\" stroke-width=\"3\">\n");
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
      const vertex_id a = path[i], b = path[i + 1];
      // Stop the arrow at the target's rim.
      const double dx = layout.x[b] - layout.x[a], dy = layout.y[b] - layout.y[a];
      const double d = std::sqrt(dx * dx + dy * dy);
      const double cut = d > 0 ? std::min(1.0, (radius(b) + 2) / d) : 0.0;
      p.raw("<line x1=\"")
          .raw(coord(layout.x[a]))
          .raw("\" y1=\"")
          .raw(coord(layout.y[a]))
          .raw("\" x2=\"")
          .raw(coord(layout.x[b] - dx * cut))
          .raw("\" y2=\"")
          .raw(coord(layout.y[b] - dy * cut))
          .raw("\" marker-end=\"url(#arrow)\"/>\n");
    }
    p.raw("</g>\n");
  }
  // People, smallest first so that big ones stay visible.
  std::vector<vertex_id> order;
  for (vertex_id v = 0; v < n; ++v) {
    if (drawn[v]) order.push_back(v);
  }
  std::stable_sort(order.begin(), order.end(), [&](vertex_id a, vertex_id b) { return radius(a) < radius(b); });
  const bool label_all = people <= 60;
  std::vector<char> labelled(n, 0);
  if (!label_all) {
    std::vector<vertex_id> top = order;
    std::reverse(top.begin(), top.end());
    for (std::size_t i = 0; i < top.size() && i < o.top; ++i) labelled[top[i]] = 1;
    for (vertex_id v : path) labelled[v] = 1;
  }
  p.raw("<g class=\"people\" stroke=\"#666\" stroke-width=\"0.6\">\n");
  for (vertex_id v : order) {
    p.raw("<circle cx=\"")
        .raw(coord(layout.x[v]))
        .raw("\" cy=\"")
        .raw(coord(layout.y[v]))
        .raw("\" r=\"")
        .raw(fixed(radius(v), 1))
        .raw("\" fill=\"")
        .raw(colour_of(v))
        .raw("\"");
    if (on_path_vertex[v]) {
      p.raw(" stroke=\"#d00\" stroke-width=\"3\"");
    } else if (broker[v]) {
      p.raw(" stroke=\"#000\" stroke-width=\"2.5\"");
    }
    p.raw(" data-id=\"").text(g.id(v)).raw("\"><title>").text(g.id(v));
    if (c.names && !g.name(v).empty()) p.raw(" (").text(g.name(v)).raw(")");
    const std::string dept = c.department(v);
    if (!dept.empty()) p.raw(", ").text(dept);
    p.raw(", ").raw(std::string(to_string(c.o->size_by))).raw(" ").raw(fixed(size_score[v]));
    if (broker[v]) p.raw(", broker");
    p.raw("</title></circle>\n");
  }
  p.raw("</g>\n<g class=\"labels\" font-size=\"11\" fill=\"#222\">\n");
  for (vertex_id v : order) {
    if (!label_all && !labelled[v]) continue;
    p.raw("<text x=\"")
        .raw(coord(layout.x[v] + radius(v) + 2))
        .raw("\" y=\"")
        .raw(coord(layout.y[v] + 4))
        .raw("\">")
        .text(g.id(v))
        .raw("</text>\n");
  }
  p.raw("</g>\n</svg>\n<figcaption>");
  p.raw("Influence ties drawn from the influencer to the influenced; darker = stronger. Node area: ")
      .raw(std::string(to_string(o.size_by)))
      .raw(". Black outline: broker (cut point or top broker). ");
  if (path.size() > 1) p.raw("Red: the persuasion chain. ");
  p.raw("Layout: Fruchterman-Reingold, ")
      .raw(std::to_string(layout.iterations))
      .raw(" iterations, seed ")
      .raw(std::to_string(o.seed))
      .raw(". ");
  if (people < n) {
    p.raw("<strong>Only ")
        .raw(std::to_string(people))
        .raw(" of ")
        .raw(std::to_string(n))
        .raw(" people are drawn</strong> (the ")
        .raw(std::to_string(o.max_sociogram_people))
        .raw(" highest by ")
        .raw(std::string(to_string(o.size_by)))
        .raw(", plus brokers and the chain): ")
        .raw(std::to_string(n - people))
        .raw(" people and ")
        .raw(std::to_string(g.num_edges() - ties))
        .raw(" of ")
        .raw(std::to_string(g.num_edges()))
        .raw(" ties are omitted from the drawing (not from the tables).");
  } else {
    p.raw("Everyone (").raw(std::to_string(n)).raw(" people, ").raw(std::to_string(ties)).raw(" ties) is drawn.");
  }
  p.raw("</figcaption>\n</figure>\n");

  // Legend.
  p.raw("<div class=\"legend\" id=\"legend\">");
  std::size_t others = 0;
  for (std::size_t i = 0; i < nd; ++i) {
    const department_id d = by_size[i];
    if (i >= palette.size()) {
      ++others;
      continue;
    }
    p.raw("<span><span class=\"swatch\" style=\"background:").raw(colour[d]).raw("\"></span>");
    p.text(g.department_name(d));
    if (c.suppressed(d)) {
      p.raw(" (size suppressed)");
    } else {
      p.raw(" (").raw(std::to_string(g.department_members(d).size())).raw(")");
    }
    p.raw("</span>");
  }
  if (others > 0) {
    p.raw("<span><span class=\"swatch\" style=\"background:")
        .raw(other_colour)
        .raw("\"></span>")
        .raw(std::to_string(others))
        .raw(" smaller departments</span>");
  }
  bool any_without = false;
  for (vertex_id v = 0; v < n; ++v) any_without = any_without || g.department(v) == no_department;
  if (any_without) {
    p.raw("<span><span class=\"swatch\" style=\"background:")
        .raw(no_department_colour)
        .raw("\"></span>no department</span>");
  }
  p.raw("</div>\n");
}

// ---- figures -------------------------------------------------------------------

// Everything the sections show, computed before anything is written (the
// highlights at the top quote the later sections).
struct Figures {
  GraphSummary summary;
  CentralityTable table;
  CutPointsResult cuts;
  std::vector<vertex_id> cut_order;  // cut points, most people cut off first
  StructuralHolesResult holes;
  std::vector<vertex_id> brokers;  // top by betweenness (with two contacts or more)
  std::optional<MixingResult> mix;
  CommunityResult comm;
  std::optional<PartitionAgreement> agreement;
  FormalInformalResult formal;
  RolesResult roles;
  std::optional<vertex_id> source, target;
  std::optional<ChainResult> chain;
  std::optional<MustPassResult> must;
};

std::string id_list(const InfluenceGraph& g, const std::vector<vertex_id>& people, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < people.size() && i < count; ++i) {
    out += (i ? ", " : "") + std::string("<strong>") + html_escape(g.id(people[i])) + "</strong>";
  }
  return out;
}

void highlights(Page& p, const Context& c, const Figures& f) {
  const InfluenceGraph& g = *c.g;
  if (g.num_vertices() == 0) return;
  p.raw("<h3>Highlights</h3>\n<ul id=\"highlights\">\n");
  std::vector<vertex_id> top;
  for (const RankedPerson& r : top_k(g, f.table.find(Measure::pagerank)->values, {.k = 3})) top.push_back(r.vertex);
  p.raw("<li>Most influential (PageRank, influence exerted): ").raw(id_list(g, top, 3)).raw(".</li>\n");
  top.clear();
  for (const RankedPerson& r : top_k(g, f.table.find(Measure::betweenness)->values, {.k = 3})) {
    if (r.score > 0) top.push_back(r.vertex);
  }
  if (!top.empty()) p.raw("<li>Main brokers (betweenness): ").raw(id_list(g, top, 3)).raw(".</li>\n");
  if (f.cut_order.empty()) {
    p.raw("<li>No single person's departure would split the network.</li>\n");
  } else {
    p.raw("<li>")
        .raw(std::to_string(f.cut_order.size()))
        .raw(" cut point(s): people whose departure would split the network, first ")
        .raw(id_list(g, f.cut_order, 1))
        .raw(" (")
        .raw(std::to_string(f.cuts.cut_off[f.cut_order.front()]))
        .raw(" people cut off).</li>\n");
  }
  if (f.mix) {
    std::size_t silo = f.mix->num_groups();
    for (std::size_t i = 0; i < f.mix->num_groups(); ++i) {
      const auto d = g.find_department(f.mix->groups[i]);
      if ((d && c.suppressed(*d)) || std::isnan(f.mix->group_ei[i])) continue;
      if (silo == f.mix->num_groups() || f.mix->group_ei[i] < f.mix->group_ei[silo]) silo = i;
    }
    if (silo < f.mix->num_groups()) {
      p.raw("<li>Most inward-looking department: <strong>")
          .text(f.mix->groups[silo])
          .raw("</strong> (E-I ")
          .raw(fixed(f.mix->group_ei[silo]))
          .raw("; whole network ")
          .raw(fixed(f.mix->ei))
          .raw(").</li>\n");
    }
  }
  p.raw("<li>").raw(std::to_string(f.comm.count())).raw(" informal communities");
  if (f.agreement) p.raw(", agreeing with the departments at NMI ").raw(fixed(f.agreement->nmi));
  p.raw(".</li>\n");
  if (f.formal.levels_vary) {
    p.raw("<li>")
        .raw(std::to_string(f.formal.hidden_influencers.size()))
        .raw(" hidden influencer(s) (influence far above their formal level)")
        .raw(f.formal.hidden_influencers.empty() ? "" : ": ")
        .raw(id_list(g, f.formal.hidden_influencers, 3))
        .raw(f.formal.hidden_influencers.size() > 3
                 ? " and " + std::to_string(f.formal.hidden_influencers.size() - 3) + " more"
                 : "")
        .raw(".</li>\n");
  }
  if (f.chain) {
    p.raw("<li>Best chain from <strong>").text(g.id(*f.source)).raw("</strong> to <strong>").text(g.id(*f.target));
    if (f.chain->found()) {
      p.raw("</strong>: ")
          .raw(std::to_string(f.chain->chain.steps()))
          .raw(" step(s), probability ")
          .raw(percent(f.chain->chain.probability))
          .raw(".</li>\n");
    } else {
      p.raw("</strong>: none.</li>\n");
    }
  }
  p.raw("</ul>\n");
}

// ---- sections ------------------------------------------------------------------

void summary_section(Page& p, const Context& c, const Figures& f) {
  const GraphSummary& s = f.summary;
  p.raw("<section id=\"summary\"><h2>Summary</h2>\n");
  highlights(p, c, f);
  p.raw("<h3>Figures</h3>\n");
  p.begin_table("summary-table", {"Figure", "Value"});
  auto row_count = [&](std::string_view label, std::size_t value) {
    p.raw("<tr>").text_cell(label);
    p.count_cell(value);
    p.raw("</tr>\n");
  };
  auto row_number = [&](std::string_view label, double value) {
    p.raw("<tr>").text_cell(label);
    p.number_cell(value);
    p.raw("</tr>\n");
  };
  row_count("People", s.people);
  row_count("Observed ties", s.ties);
  for (const RelationSummary& r : s.relations) row_count("Ties: " + r.relation, r.ties);
  row_count("Influence edges (merged, directed)", s.influence_edges);
  row_count("Departments", s.departments);
  row_count("People without department", s.people_without_department);
  row_number("Density", s.density);
  row_number("Reciprocity", s.reciprocity);
  row_number("Mean strength", s.mean_strength);
  row_count("Weak components", s.weak_components);
  row_count("Largest weak component", s.largest_weak_component);
  row_count("Strong components", s.strong_components);
  row_count("Largest strong component", s.largest_strong_component);
  row_count("Hierarchy depth", s.hierarchy.depth);
  row_count("Managers", s.hierarchy.managers);
  row_number("Mean span of control", s.hierarchy.mean_span);
  p.end_table();
  p.raw("</section>\n");
}

void ranking_table(Page& p, const Context& c, std::string_view id, std::span<const double> scores,
                   std::string_view score_header) {
  const auto rows = top_k(*c.g, scores, {.k = c.o->top});
  p.begin_table(id, person_headers(c, {std::string(score_header)}));
  for (const RankedPerson& r : rows) {
    p.raw("<tr>");
    p.count_cell(r.rank);
    person_cells(p, c, r.vertex);
    p.number_cell(r.score);
    p.raw("</tr>\n");
  }
  p.end_table();
}

void centrality_section(Page& p, const Context& c, const Figures& f) {
  p.raw("<section id=\"centrality\"><h2>Who matters</h2>\n");
  p.paragraph("The top " + std::to_string(c.o->top) +
              " people by each measure (centrality_table with flow = exerted: scores follow the influence a "
              "person exerts; path measures on -ln strength, i.e. most probable chains).");
  for (const CentralityColumn& col : f.table.columns) {
    p.raw("<h3>").text(measure_title(col.measure)).raw("</h3>\n");
    ranking_table(p, c, "top-" + std::string(to_string(col.measure)), col.values, std::string(to_string(col.measure)));
  }
  p.raw("</section>\n");
}

void bottleneck_section(Page& p, const Context& c, const Figures& f) {
  p.raw("<section id=\"bottlenecks\"><h2>Bottlenecks and brokers</h2>\n");
  p.raw("<h3>Cut points</h3>\n");
  p.paragraph(
      "People whose departure would split the network (articulation points of the undirected view), with how many "
      "others would be cut off from the largest remaining part.");
  if (f.cut_order.empty()) {
    p.paragraph("None: no single person's departure splits the network.");
  } else {
    p.begin_table("cut-points", person_headers(c, {"People cut off", "Pieces"}));
    for (std::size_t i = 0; i < f.cut_order.size() && i < c.o->top; ++i) {
      const vertex_id v = f.cut_order[i];
      p.raw("<tr>");
      p.count_cell(i + 1);
      person_cells(p, c, v);
      p.count_cell(f.cuts.cut_off[v]);
      p.count_cell(f.cuts.pieces[v]);
      p.raw("</tr>\n");
    }
    p.end_table();
  }
  p.paragraph(std::to_string(f.cut_order.size()) + " cut point(s) in all; " + std::to_string(f.cuts.bridges.size()) +
              " bridge(s) (ties whose loss splits the network).");
  p.raw("<h3>Brokers</h3>\n");
  p.paragraph(
      "The people on most of the most probable chains between others (betweenness), with Burt's structural-hole "
      "measures: effective size (non-redundant contacts), efficiency, constraint (low = many independent "
      "contacts) and hierarchy. People with fewer than two contacts are left out.");
  const std::vector<double>& between = f.table.find(Measure::betweenness)->values;
  p.begin_table("brokers", person_headers(c, {"Betweenness", "Effective size", "Efficiency", "Constraint", "Hierarchy",
                                              "Contacts"}));
  for (std::size_t i = 0; i < f.brokers.size(); ++i) {
    const vertex_id v = f.brokers[i];
    p.raw("<tr>");
    p.count_cell(i + 1);
    person_cells(p, c, v);
    p.number_cell(between[v]);
    p.number_cell(f.holes.effective_size[v]);
    p.number_cell(f.holes.efficiency[v]);
    p.number_cell(f.holes.constraint[v]);
    p.number_cell(f.holes.hierarchy[v]);
    p.count_cell(f.holes.contacts[v]);
    p.raw("</tr>\n");
  }
  p.end_table();
  p.raw("</section>\n");
}

void departments_section(Page& p, const Context& c, const MixingResult& mix) {
  const InfluenceGraph& g = *c.g;
  const std::size_t k = c.k;
  p.raw("<section id=\"departments\"><h2>Departments and silos</h2>\n");
  p.paragraph(
      "Krackhardt's E-I index over the influence ties people send: (external - internal) / (external + internal); "
      "-1 = all ties stay inside the department (a silo), +1 = all leave it. Expected E-I and p come from " +
      std::to_string(mix.permutations) + " random relabellings of people (department sizes fixed), seed " +
      std::to_string(mix.seed) + "; a small p means the department keeps to itself more than chance would.");
  p.raw("<p>Whole network: E-I <span id=\"network-ei\" data-value=\"")
      .raw(exact(mix.ei))
      .raw("\">")
      .raw(fixed(mix.ei))
      .raw("</span> (expected ")
      .raw(fixed(mix.expected_ei))
      .raw(", p(lower) ")
      .raw(fixed(mix.p_less))
      .raw(").</p>\n");
  p.begin_table("departments-table",
                {"Department", "People", "Internal ties", "External ties", "E-I", "Expected E-I", "p (E-I lower)"});
  for (std::size_t i = 0; i < mix.num_groups(); ++i) {
    const auto d = g.find_department(mix.groups[i]);
    const bool hide = d && c.suppressed(*d);
    p.raw("<tr>").text_cell(mix.groups[i]);
    if (hide) {
      for (int j = 0; j < 6; ++j) p.suppressed_cell(k);
    } else {
      p.count_cell(d ? g.department_members(*d).size() : 0);
      p.count_cell(mix.group_internal[i]);
      p.count_cell(mix.group_external[i]);
      p.number_cell(mix.group_ei[i]);
      p.number_cell(mix.group_expected_ei.empty() ? nan : mix.group_expected_ei[i]);
      p.number_cell(mix.group_p_less.empty() ? nan : mix.group_p_less[i]);
    }
    p.raw("</tr>\n");
  }
  p.end_table();
  const std::size_t groups = mix.num_groups();
  if (groups <= 25) {
    p.raw("<h3>Mixing matrix</h3>\n");
    p.paragraph("Influence ties from the row's department to the column's.");
    std::vector<std::string> headers{"From \\ to"};
    for (const auto& name : mix.groups) headers.push_back(name);
    p.begin_table("mixing", headers);
    for (std::size_t i = 0; i < groups; ++i) {
      const auto di = g.find_department(mix.groups[i]);
      p.raw("<tr>").raw("<th>").text(mix.groups[i]).raw("</th>");
      for (std::size_t j = 0; j < groups; ++j) {
        const auto dj = g.find_department(mix.groups[j]);
        if ((di && c.suppressed(*di)) || (dj && c.suppressed(*dj))) {
          p.suppressed_cell(k);
        } else {
          p.count_cell(mix.tie_count(i, j));
        }
      }
      p.raw("</tr>\n");
    }
    p.end_table();
  } else {
    p.paragraph("The mixing matrix is not shown: " + std::to_string(groups) +
                " departments (more than 25); `orgnet structure silos --format json` gives it.");
  }
  p.raw("</section>\n");
}

void structure_section(Page& p, const Context& c, const Figures& f) {
  const InfluenceGraph& g = *c.g;
  const HtmlReportOptions& o = *c.o;
  p.raw("<section id=\"structure\"><h2>Informal structure</h2>\n");
  p.raw("<p id=\"communities\">Louvain communities (undirected view, seed ")
      .raw(std::to_string(o.seed))
      .raw("): <span data-value=\"")
      .raw(std::to_string(f.comm.count()))
      .raw("\">")
      .raw(std::to_string(f.comm.count()))
      .raw("</span> communities, modularity ")
      .raw(fixed(f.comm.modularity))
      .raw(".");
  if (f.agreement) {
    p.raw(" Agreement with departments: NMI <span id=\"nmi\" data-value=\"")
        .raw(exact(f.agreement->nmi))
        .raw("\">")
        .raw(fixed(f.agreement->nmi))
        .raw("</span>, ARI <span id=\"ari\" data-value=\"")
        .raw(exact(f.agreement->ari))
        .raw("\">")
        .raw(fixed(f.agreement->ari))
        .raw("</span> (1 = the informal groups are the departments, 0 = unrelated).");
  }
  p.raw("</p>\n");

  p.raw("<h3>Hidden influencers</h3>\n");
  if (!f.formal.levels_vary) {
    p.paragraph("Not available: the data gives no formal levels that vary (no hierarchy).");
  } else {
    p.paragraph(
        "People whose PageRank (influence exerted) is far above what their formal level predicts (residual of "
        "the percentile rank on level at least 0.25; level 0 = top).");
    if (f.formal.hidden_influencers.empty()) {
      p.paragraph("None.");
    } else {
      p.begin_table("hidden-influencers", person_headers(c, {"Level", "Influence percentile", "Residual"}));
      std::size_t rank = 0;
      for (vertex_id v : f.formal.hidden_influencers) {
        if (rank >= o.top) break;
        p.raw("<tr>");
        p.count_cell(++rank);
        person_cells(p, c, v);
        p.number_cell(f.formal.level[v], 0);
        p.number_cell(f.formal.percentile[v]);
        p.number_cell(f.formal.residual[v]);
        p.raw("</tr>\n");
      }
      p.end_table();
    }
  }

  const RolesResult& roles = f.roles;
  p.raw("<h3>ONA roles</h3>\n");
  std::size_t counts[4] = {0, 0, 0, 0};
  std::vector<vertex_id> with_role;
  for (vertex_id v = 0; v < g.num_vertices(); ++v) {
    counts[0] += roles.central_connector[v] ? 1 : 0;
    counts[1] += roles.boundary_spanner[v] ? 1 : 0;
    counts[2] += roles.information_broker[v] ? 1 : 0;
    counts[3] += roles.peripheral_specialist[v] ? 1 : 0;
    if (roles.central_connector[v] || roles.boundary_spanner[v] || roles.information_broker[v]) {
      with_role.push_back(v);
    }
  }
  p.paragraph("After Cross and Prusak, from percentile thresholds (docs/structure.md): " + std::to_string(counts[0]) +
              " central connector(s), " + std::to_string(counts[1]) + " boundary spanner(s), " +
              std::to_string(counts[2]) + " information broker(s), " + std::to_string(counts[3]) +
              " peripheral specialist(s). The people with a central role, by betweenness:");
  std::stable_sort(with_role.begin(), with_role.end(),
                   [&](vertex_id a, vertex_id b) { return roles.betweenness[a] > roles.betweenness[b]; });
  p.begin_table("roles", person_headers(c, {"Roles", "Degree percentile", "Betweenness percentile", "Groups reached"}));
  for (std::size_t i = 0; i < with_role.size() && i < o.top; ++i) {
    const vertex_id v = with_role[i];
    p.raw("<tr>");
    p.count_cell(i + 1);
    person_cells(p, c, v);
    p.text_cell(role_names(roles, v));
    p.number_cell(roles.degree_percentile[v]);
    p.number_cell(roles.betweenness_percentile[v]);
    p.count_cell(roles.groups_reached[v]);
    p.raw("</tr>\n");
  }
  p.end_table();
  p.raw("</section>\n");
}

void path_section(Page& p, const Context& c, const Figures& f) {
  const InfluenceGraph& g = *c.g;
  const vertex_id source = *f.source, target = *f.target;
  p.raw("<section id=\"path\"><h2>Persuasion chain</h2>\n");
  p.raw("<p>The most probable chain of influence from <strong>")
      .text(g.id(source))
      .raw("</strong> to <strong>")
      .text(g.id(target))
      .raw("</strong>: ");
  if (!f.chain->found()) {
    p.raw("none (").text(f.chain->reason).raw(").</p>\n</section>\n");
    return;
  }
  const Chain& ch = f.chain->chain;
  p.raw("probability <span id=\"path-probability\" data-value=\"")
      .raw(exact(ch.probability))
      .raw("\">")
      .raw(percent(ch.probability))
      .raw("</span> in ")
      .raw(std::to_string(ch.steps()))
      .raw(" step(s), weakest tie ")
      .raw(fixed(ch.weakest))
      .raw(". Talk to the first person of each step in turn; each must convince the next.</p>\n");
  p.begin_table("path-steps", {"Step", "From", "To", "Strength", "Cumulative probability"});
  double cumulative = 1.0;
  for (std::size_t s = 0; s < ch.steps(); ++s) {
    cumulative *= ch.strengths[s];
    p.raw("<tr>");
    p.count_cell(s + 1);
    for (const vertex_id v : {ch.people[s], ch.people[s + 1]}) {
      p.raw("<td class=\"person\" data-id=\"").text(g.id(v)).raw("\">").text(g.id(v)).raw("</td>");
    }
    p.number_cell(ch.strengths[s]);
    p.number_cell(cumulative);
    p.raw("</tr>\n");
  }
  p.end_table();
  p.raw("<p id=\"must-pass\">Must-pass people (every chain from the source to the target runs through them): ");
  if (f.must->people.empty()) {
    p.raw("none.");
  } else {
    for (std::size_t i = 0; i < f.must->people.size(); ++i) {
      const std::string& id = g.id(f.must->people[i]);
      p.raw(i ? ", " : "").raw("<span class=\"person\" data-id=\"").text(id).raw("\">").text(id).raw("</span>");
    }
    p.raw(".");
  }
  p.raw("</p>\n</section>\n");
}

std::string_view section_label(std::string_view id) {
  if (id == "summary") return "Summary";
  if (id == "sociogram") return "Sociogram";
  if (id == "centrality") return "Who matters";
  if (id == "bottlenecks") return "Bottlenecks";
  if (id == "departments") return "Departments";
  if (id == "structure") return "Informal structure";
  if (id == "path") return "Persuasion chain";
  return "Notes";
}

}  // namespace

HtmlReport build_html_report(const InfluenceGraph& input, const HtmlReportOptions& o) {
  if (o.top == 0) throw invalid_argument("html report: top must be at least 1");
  if (o.max_sociogram_people == 0) throw invalid_argument("html report: max_sociogram_people must be at least 1");
  if (o.path_from.empty() != o.path_to.empty()) {
    throw invalid_argument("html report: give both path_from and path_to, or neither");
  }
  if (o.threads < 0) throw invalid_argument("html report: threads must be >= 0, got " + std::to_string(o.threads));
  Figures f;
  if (!o.path_from.empty()) {
    f.source = input.index_of(o.path_from);
    f.target = input.index_of(o.path_to);
  }
  auto step = [&o](std::string_view name) {
    if (o.progress) o.progress(name);
  };
  if (o.pseudonymize) step("pseudonyms");
  const InfluenceGraph g = o.pseudonymize ? pseudonymize(input, {.salt = o.pseudonym_salt}) : input;
  const std::size_t n = g.num_vertices();
  const bool has_departments = g.num_departments() > 0;

  HtmlReport report;
  Context c;
  c.g = &g;
  c.o = &o;
  c.k = o.min_group_size;
  for (vertex_id v = 0; v < n && !o.pseudonymize; ++v) c.names = c.names || !g.name(v).empty();
  c.small.assign(g.num_departments(), 0);
  for (department_id d = 0; d < static_cast<department_id>(g.num_departments()); ++d) {
    c.small[d] = g.department_members(d).size() < o.min_group_size ? 1 : 0;
    if (c.suppressed(d)) report.suppressed_departments.push_back(g.department_name(d));
  }

  // ---- computations ----
  step("summary");
  f.summary = summarize(g);
  step("centrality");
  std::vector<Measure> measures = {Measure::pagerank, Measure::betweenness, Measure::degree, Measure::harmonic,
                                   Measure::eigenvector};
  if (std::find(measures.begin(), measures.end(), o.size_by) == measures.end()) measures.push_back(o.size_by);
  f.table = centrality_table(g, {.measures = measures, .threads = o.threads});
  const std::vector<double>& between = f.table.find(Measure::betweenness)->values;

  step("bottlenecks");
  f.cuts = cut_points(g);
  f.cut_order = f.cuts.articulation_points;
  std::stable_sort(f.cut_order.begin(), f.cut_order.end(),
                   [&](vertex_id a, vertex_id b) { return f.cuts.cut_off[a] > f.cuts.cut_off[b]; });
  f.holes = structural_holes(g, {.threads = o.threads});
  for (const RankedPerson& r : top_k(g, between, {.k = 0})) {
    if (f.brokers.size() >= o.top) break;
    if (f.holes.contacts[r.vertex] >= 2) f.brokers.push_back(r.vertex);
  }
  std::vector<char> broker(n, 0);
  for (std::size_t i = 0; i < f.cut_order.size() && i < o.top; ++i) broker[f.cut_order[i]] = 1;
  for (std::size_t i = 0; i < f.brokers.size() && i < o.outlined_brokers; ++i) {
    if (between[f.brokers[i]] > 0) broker[f.brokers[i]] = 1;
  }
  for (vertex_id v = 0; v < n; ++v) {
    if (broker[v]) report.brokers.push_back(v);
  }

  if (has_departments) {
    step("departments");
    f.mix = mixing(
        g, {.groups = department_labeling(g), .permutations = o.permutations, .seed = o.seed, .threads = o.threads});
  }
  step("communities");
  f.comm = communities(g, {.seed = o.seed});
  if (has_departments) f.agreement = partition_agreement(department_labeling(g), community_labeling(f.comm));
  step("formal vs informal");
  f.formal = formal_vs_informal(g, {.qap = {.seed = o.seed, .threads = o.threads},
                                    .measures = {Measure::pagerank},  // the report shows no level correlations
                                    .centrality = {.threads = o.threads}});
  step("roles");
  f.roles = ona_roles(g, {.groups = department_labeling(g), .threads = o.threads});
  std::vector<vertex_id> path;
  if (f.source) {
    step("persuasion chain");
    f.chain = best_chain(g, *f.source, *f.target);
    f.must = must_pass(g, *f.source, *f.target);
    if (f.chain->found()) path = f.chain->chain.people;
  }

  // ---- page ----
  Page p;
  const std::string title = o.title.empty() ? "Organizational network report" : o.title;
  p.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
  p.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  p.raw("<meta name=\"generator\" content=\"orgnet ").raw(config::version).raw("\">\n");
  p.raw("<title>").text(title).raw("</title>\n<style>").raw(style).raw("</style>\n</head>\n<body>\n");
  p.raw("<header><h1>").text(title).raw("</h1>\n<p class=\"sub\">");
  p.raw(std::to_string(n)).raw(" people, ").raw(std::to_string(g.num_edges())).raw(" influence ties");
  if (o.pseudonymize) p.raw(" &middot; pseudonymized");
  if (c.k > 1) p.raw(" &middot; departments under ").raw(std::to_string(c.k)).raw(" people suppressed");
  p.raw(" &middot; orgnet ").raw(config::version).raw("</p></header>\n");

  report.sections = {"summary", "sociogram", "centrality", "bottlenecks"};
  if (has_departments) report.sections.emplace_back("departments");
  report.sections.emplace_back("structure");
  if (f.source) report.sections.emplace_back("path");
  report.sections.emplace_back("notes");
  p.raw("<nav><ul>");
  for (const auto& s : report.sections) {
    p.raw("<li><a href=\"#").raw(s).raw("\">").raw(section_label(s)).raw("</a></li>");
  }
  p.raw("</ul></nav>\n");

  summary_section(p, c, f);
  step("layout");
  p.raw("<section id=\"sociogram\"><h2>Sociogram</h2>\n");
  sociogram(p, c, f.table.find(o.size_by)->values, broker, path, report);
  p.raw("</section>\n");
  step("writing");
  centrality_section(p, c, f);
  bottleneck_section(p, c, f);
  if (f.mix) departments_section(p, c, *f.mix);
  structure_section(p, c, f);
  if (f.source) path_section(p, c, f);

  p.raw("<section id=\"notes\"><h2>Notes</h2>\n<ul class=\"note\">\n");
  p.raw(
      "<li>An influence tie u &rarr; v means u influences v, with a strength in (0, 1] given by the relation map "
      "(e.g. asking someone for advice makes them an influence on you). Parallel ties are merged by noisy-or.</li>\n");
  if (o.pseudonymize) {
    p.raw(
        "<li>Pseudonymized: person ids are replaced by pseudonyms; names, titles and other personal attributes are "
        "not included.</li>\n");
  }
  if (c.k > 1) {
    p.raw("<li>Minimum group size ")
        .raw(std::to_string(c.k))
        .raw(": figures of ")
        .raw(std::to_string(report.suppressed_departments.size()))
        .raw(
            " department(s) with fewer people are suppressed in the departments table, the mixing matrix and the "
            "legend.</li>\n");
  }
  if (report.drawn_people < n) {
    p.raw("<li>The sociogram shows ")
        .raw(std::to_string(report.drawn_people))
        .raw(" of ")
        .raw(std::to_string(n))
        .raw(" people; every table covers everyone.</li>\n");
  }
  if (!has_departments) p.raw("<li>The data has no departments: the departments section is left out.</li>\n");
  p.raw("<li>Seed ").raw(std::to_string(o.seed)).raw(" (layout, communities, permutation tests).</li>\n");
  p.raw("</ul>\n</section>\n</body>\n</html>\n");
  report.html = std::move(p.out);
  return report;
}

void write_html_report(const InfluenceGraph& graph, std::ostream& out, const HtmlReportOptions& options) {
  out << build_html_report(graph, options).html;
}

}  // namespace orgnet
