"""The load benchmark: gunicorn against a national-scale PostgreSQL dataset, driven by wrk.

`make bench-load` (`python -m bench.load`) builds the dataset once (`dataset.py`), reusing
it while its parameters are unchanged, explains the queries behind every list
(`explain.py`), serves it with gunicorn as production does (`server.py`), drives each page
with wrk (`drive.py`, `bench/load.lua`) and writes the "Load" and "Query plans" sections
of docs/performance.md.
"""
