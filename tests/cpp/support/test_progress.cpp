#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "orgnet/centrality/betweenness.hpp"
#include "orgnet/centrality/closeness.hpp"
#include "orgnet/diffusion/simulation.hpp"
#include "orgnet/model/generators.hpp"
#include "orgnet/progress.hpp"

namespace orgnet {
namespace {

struct Recorded {
  std::string task;
  std::size_t done;
  std::size_t total;
};

// Installs a recording callback for the lifetime of the object.
class Recorder {
 public:
  Recorder() {
    set_progress_callback([this](const ProgressEvent& e) { events.push_back({std::string(e.task), e.done, e.total}); });
  }
  ~Recorder() { set_progress_callback({}); }
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;
  std::vector<Recorded> events;
};

void expect_one_complete_task(const std::vector<Recorded>& events, const std::string& task, std::size_t total) {
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events.front().task, task);
  EXPECT_EQ(events.front().done, 0u);
  EXPECT_EQ(events.back().done, total);
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].task, task);
    EXPECT_EQ(events[i].total, total);
    if (i > 0) {
      EXPECT_GE(events[i].done, events[i - 1].done);  // never backwards
    }
  }
}

TEST(Progress, BetweennessReportsEverySourceOnAnyThreadCount) {
  const InfluenceGraph g = generate_company({.people = 400, .seed = 3});
  const auto quiet = betweenness(g, {.threads = 2});
  for (int threads : {1, 2}) {
    Recorder recorder;
    const auto reported = betweenness(g, {.threads = threads});
    expect_one_complete_task(recorder.events, "betweenness", 400);
    EXPECT_EQ(reported.score, quiet.score);  // watching changes nothing
  }
}

TEST(Progress, ClosenessHarmonicAndSimulationsNameTheirTasks) {
  const InfluenceGraph g = generate_company({.people = 300, .seed = 5});
  {
    Recorder recorder;
    (void)closeness(g, {.distance = DistanceTransform::hops});  // batched BFS: 64 people per item
    expect_one_complete_task(recorder.events, "closeness", 300);
  }
  {
    Recorder recorder;
    (void)harmonic_closeness(g);  // Dijkstra: one person per item
    expect_one_complete_task(recorder.events, "harmonic closeness", 300);
  }
  {
    Recorder recorder;
    const std::vector<vertex_id> seeds{0, 1};
    (void)simulate_spread(g, seeds, {.simulations = 500});
    expect_one_complete_task(recorder.events, "spread simulations", 500);
  }
}

TEST(Progress, SilentWithoutCallbackAndNeverDisturbedByOne) {
  const InfluenceGraph g = generate_company({.people = 200, .seed = 7});
  const auto expected = betweenness(g);
  // A callback that throws is ignored: the computation runs to its end.
  set_progress_callback([](const ProgressEvent&) { throw std::runtime_error("a broken progress bar"); });
  EXPECT_EQ(betweenness(g).score, expected.score);
  // Removing the callback stops the events.
  std::size_t calls = 0;
  set_progress_callback([&calls](const ProgressEvent&) { ++calls; });
  set_progress_callback({});
  (void)betweenness(g);
  EXPECT_EQ(calls, 0u);
}

}  // namespace
}  // namespace orgnet
