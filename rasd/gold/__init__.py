"""Gold corpora: documents looked up by id in ../shared, span-level annotations built and checked."""

from rasd.gold.check import check_dir, check_gold
from rasd.gold.sources import SourceIndex, shared_root

__all__ = ["SourceIndex", "check_dir", "check_gold", "shared_root"]
