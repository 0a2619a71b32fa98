"""Every report of a folder or glob audited, resumably, on local processes or a Dask cluster.

Each document is audited by the ordinary ``audit`` command in a child process
(:mod:`auditor.batch.job`), so its output is byte-identical to a single run
and a document that crashes, hangs or eats memory is isolated by the
operating system and a time limit, never by hope. Results are kept in an
SQLite file (:mod:`auditor.batch.store`) keyed by the document's sha256, the
tool version and the options, so a rerun does only the new work.
"""
