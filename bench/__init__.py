"""The benchmark (not part of the tests): synthetic data at 1x, 10x and 100x the real record
count, then the time and peak memory of validation, generation and the full site build, the
size of the search indexes and the transferred weight of a page.

`make bench` (or `python -m bench --factors 1,10`) prints a table and writes bench/results.json.
"""
