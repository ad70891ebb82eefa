"""Batch processing of an archive folder into the SQLite store (`python -m nlp batch`)."""

from .run import BatchLocked, RunReport, run_batch

__all__ = ["BatchLocked", "RunReport", "run_batch"]
