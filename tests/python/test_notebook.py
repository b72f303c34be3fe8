"""The example notebook (examples/orgnet_tour.ipynb) runs from top to bottom in
a fresh kernel, and its check against NetworkX holds (the notebook asserts it)."""

import os
import pathlib


import orgnet

import nbclient  # noqa: E402  (Debian: python3-nbclient, installed by scripts/common.sh)
import nbformat  # noqa: E402

NOTEBOOK = pathlib.Path(__file__).resolve().parents[2] / "examples" / "orgnet_tour.ipynb"


def test_tour_notebook_runs(monkeypatch):
    # The kernel imports the orgnet under test, whatever the working directory.
    package_parent = str(pathlib.Path(orgnet.__file__).resolve().parents[1])
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([package_parent, os.environ.get("PYTHONPATH", "")]))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "largest difference from networkx" in text
    # Every table cell rendered a DataFrame.
    assert sum(1 for o in outputs if o.get("output_type") == "execute_result" and "text/html" in o.get("data", {})) >= 5
