"""Readers for the packaged sources the offline basemap is built from (build time only)."""
