"""Which articles report the same event, decided before any sentence is aligned: each
article's profile (dates, places, participants, the action its lead names), pair scores
between profiles and the grouping over them. At corpus scale (``incremental``), articles are
profiled and scored in partitions (``partition``), possibly on a cluster's workers, only
candidate pairs from blocking keys and date windows (``blocking``) are scored, and the
grouping can grow a chunk at a time. Reads only cleaned and segmented documents;
nothing here knows about alignment, attribution or findings.
"""
