"""The engine: what AWS computes from the stored resources.

Mapping an object through its type, comparing values, evaluating segments and event
triggers, exporting records, and the ingestion pipeline that runs them in order. It reads
and changes the resources; it never reaches the backend.
"""
