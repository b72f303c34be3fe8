#pragma once
// orgnet: organizational network analysis.
//
// One include for everything public. Each concern has its own folder:
//   model/      people, ties, the relation map, the influence graph, the hierarchy
//   io/         CSV, edge lists, GraphML, JSON, bundled datasets
//   centrality/ who matters: degree, closeness, betweenness, spectral, k-core, rankings
//   structure/  components (and, later, communities and silos)
//   report/     summaries and reports

#include "orgnet/config.hpp"
#include "orgnet/error.hpp"
#include "orgnet/logging.hpp"

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
#include "orgnet/io/csv_writer.hpp"
#include "orgnet/io/datasets.hpp"
#include "orgnet/io/edge_list.hpp"
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

#include "orgnet/persuasion/chains.hpp"
#include "orgnet/persuasion/win_over.hpp"

#include "orgnet/diffusion/reverse_reachable.hpp"

#include "orgnet/structure/components.hpp"

#include "orgnet/report/summary.hpp"
