"""Performance benchmarks: ``python -m benchmarks.run`` (``make bench``, ``make bench-quick``)."""
