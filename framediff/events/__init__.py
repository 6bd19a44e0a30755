"""Which articles report the same event, decided before any sentence is aligned: each
article's profile (dates, places, participants, the action its lead names), pair scores
between profiles and the grouping over them. Reads only cleaned and segmented documents;
nothing here knows about alignment, attribution or findings.
"""
