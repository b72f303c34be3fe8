#pragma once
// orgnet: organizational network analysis.
//
// One include for everything public. Each concern has its own folder:
//   model/      people, ties, the relation map, the influence graph, the hierarchy
//   io/         CSV, edge lists, GraphML, JSON, bundled datasets
//   centrality/ who matters: degree, closeness, betweenness, spectral, k-core, rankings
//   bottleneck/ brokers, structural holes, must-pass people, cuts, key players, overload
//   persuasion/ influence chains, k best chains, hierarchy-aware routes, win-over plans
//   diffusion/  how ideas spread: cascades, opinion dynamics, reachability, seeds
//   structure/  components, communities, agreement with departments, silos,
//               formal vs informal organization, ONA roles
//   report/     summaries and reports

#include "orgnet/config.hpp"
#include "orgnet/error.hpp"
#include "orgnet/logging.hpp"
#include "orgnet/progress.hpp"

#include "orgnet/model/distance.hpp"
#include "orgnet/model/generators.hpp"
#include "orgnet/model/graph_builder.hpp"
#include "orgnet/model/hierarchy.hpp"
#include "orgnet/model/influence_graph.hpp"
#include "orgnet/model/load_report.hpp"
#include "orgnet/model/person.hpp"
#include "orgnet/model/relation_map.hpp"

#include "orgnet/io/csv.hpp"
#include "orgnet/io/csv_reader.hpp"
#include "orgnet/io/csv_stream.hpp"
#include "orgnet/io/csv_writer.hpp"
#include "orgnet/io/datasets.hpp"
#include "orgnet/io/edge_list.hpp"
#include "orgnet/io/events.hpp"
#include "orgnet/io/graphml.hpp"
#include "orgnet/io/json_writer.hpp"
#include "orgnet/io/output_format.hpp"

#include "orgnet/centrality/approximate_betweenness.hpp"
#include "orgnet/centrality/betweenness.hpp"
#include "orgnet/centrality/centrality_table.hpp"
#include "orgnet/centrality/closeness.hpp"
#include "orgnet/centrality/convergence.hpp"
#include "orgnet/centrality/degree.hpp"
#include "orgnet/centrality/eigenvector.hpp"
#include "orgnet/centrality/hits.hpp"
#include "orgnet/centrality/katz.hpp"
#include "orgnet/centrality/kcore.hpp"
#include "orgnet/centrality/pagerank.hpp"
#include "orgnet/centrality/ranking.hpp"

#include "orgnet/bottleneck/brokerage.hpp"
#include "orgnet/bottleneck/cut_points.hpp"
#include "orgnet/bottleneck/dominators.hpp"
#include "orgnet/bottleneck/key_players.hpp"
#include "orgnet/bottleneck/min_cut.hpp"
#include "orgnet/bottleneck/overload.hpp"
#include "orgnet/bottleneck/structural_holes.hpp"

#include "orgnet/persuasion/chains.hpp"
#include "orgnet/persuasion/network_plan.hpp"
#include "orgnet/persuasion/win_over.hpp"

#include "orgnet/diffusion/celf.hpp"
#include "orgnet/diffusion/influence_maximization.hpp"
#include "orgnet/diffusion/opinion.hpp"
#include "orgnet/diffusion/reachability.hpp"
#include "orgnet/diffusion/reverse_reachable.hpp"
#include "orgnet/diffusion/simulation.hpp"

#include "orgnet/structure/communities.hpp"
#include "orgnet/structure/components.hpp"
#include "orgnet/structure/formal_informal.hpp"
#include "orgnet/structure/mixing.hpp"
#include "orgnet/structure/partition_agreement.hpp"
#include "orgnet/structure/roles.hpp"

#include "orgnet/report/html_report.hpp"
#include "orgnet/report/layout.hpp"
#include "orgnet/report/privacy.hpp"
#include "orgnet/report/summary.hpp"
