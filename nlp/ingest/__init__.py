"""Ingestion: file readers, normalization, boilerplate removal and article splitting."""
