"""Scale: run the pipeline over partitions of the inputs on a Dask cluster, resumably.

Each partition's results are written as Parquet under OUT/partitions/<id>/ with
a completion marker written last; the driver merges finished partitions into
the DuckDB store in partition order, recording each merge in the same
transaction. A killed run therefore resumes where it stopped: merged
partitions are skipped, finished ones are merged without recomputing, and the
store ends exactly as an uninterrupted run leaves it.
"""

from __future__ import annotations

from rasd.scale.partitions import Partition, plan
from rasd.scale.runner import run_distributed

__all__ = ["Partition", "plan", "run_distributed"]
