"""Diffusion on a real organization (Lazega's law firm, bundled): whom to start
with, how far the idea spreads, which offices resist, whose opinion moves the
firm most.

    PYTHONPATH=build/release/python /usr/bin/python3 examples/diffusion.py
"""

import orgnet

g = orgnet.load_dataset("lazega")

pick = orgnet.celf_seeds(g, 3, simulations=1000, seed=1)
print("Start with:", [g.ids()[v] for v in pick.seeds], "gains", pick.marginal_gain.round(1))

spread = orgnet.simulate_spread(g, pick.seeds, simulations=10_000, seed=2)
print(f"Expected reach {spread.expected_reach:.1f} of {g.num_vertices} "
      f"(95% interval {spread.reach_low:.1f} .. {spread.reach_high:.1f})")
print("By step:", spread.adoption_curve.round(1))
print(spread.departments_frame(g).sort_values("adoption"))

opinion = orgnet.friedkin_johnsen(g, stubbornness=0.3)
print(opinion.frame(g).head(3))
