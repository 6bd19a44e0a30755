"""Which articles are compared at all: candidate pairs before any score, in arrays, and the
connected parts of the graph they make.

Two articles are candidates when they share a blocking key (one of each one's most telling
rare terms, chosen in ``framediff.events.partition``) and, where both publication dates are
known, were published in the same or neighbouring date windows. Coverage of one event
appears within days; the same words a season later are another event (framediff counts a
trial months after a shooting as another event, too). So a corpus's pairs grow with the
articles of each window, not with the square of the corpus.
"""

from __future__ import annotations

import numpy as np

# Days in a date window. Articles in the same or neighbouring windows are compared: always
# those published up to 14 days apart, never those more than 27 days apart.
WINDOW_DAYS = 14
# Pair occurrences generated at a time before duplicates are removed: bounds the memory of
# a dense window to a few hundred MB.
PAIRS_PER_BATCH = 4_000_000


def windows(dates: np.ndarray) -> np.ndarray:
    """Each article's date window from its day ordinal; -1 when the date is unknown (0)."""
    return np.where(dates > 0, dates // WINDOW_DAYS, -1)


def populations(window: np.ndarray) -> np.ndarray:
    """How many articles each article can be compared with: those of its own and the
    neighbouring windows and every undated one; the whole corpus for an undated article."""
    count = len(window)
    dated = window >= 0
    undated = int(count - dated.sum())
    result = np.full(count, count, dtype=np.int64)
    if dated.any():
        values, counts = np.unique(window[dated], return_counts=True)
        around = counts.copy()
        for shift in (-1, 1):
            found = np.searchsorted(values, values + shift)
            found = np.minimum(found, len(values) - 1)
            around += np.where(values[found] == values + shift, counts[found], 0)
        result[dated] = around[np.searchsorted(values, window[dated])] + undated
    return result


def candidate_pairs(
    key_ptr: np.ndarray, key_ids: np.ndarray, window: np.ndarray, first_new: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j, sorted) that share a key, within neighbouring windows when both are
    dated, and of which at least one is at position ``first_new`` or later."""
    count = len(window)
    owner = np.repeat(np.arange(count, dtype=np.int64), np.diff(key_ptr))
    key_window = window[owner]
    dated = key_window >= 0
    # Dated articles meet in slots of two windows: window w posts to slots w and w + 1, so
    # two articles share a slot exactly when their windows are at most one apart.
    slot_owner = np.concatenate([owner[dated], owner[dated]])
    slot_key = np.concatenate([key_ids[dated], key_ids[dated]])
    slot = np.concatenate([key_window[dated], key_window[dated] + 1])
    span = int(slot.max()) + 2 if len(slot) else 1
    codes = [_pairs(slot_key * span + slot, slot_owner, count, first_new)]
    # An undated article meets every article holding one of its keys.
    undated = ~dated
    if undated.any():
        codes.append(_pairs(key_ids, owner, count, first_new, undated))
    found = np.unique(np.concatenate(codes))
    return found // count, found % count


def all_pairs(window: np.ndarray, first_new: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Every pair (i < j, sorted) with j at ``first_new`` or later whose windows allow it:
    small inputs, where every article is compared with every other."""
    i, j = np.triu_indices(len(window), 1)
    kept = (j >= first_new) & (
        (window[i] < 0) | (window[j] < 0) | (abs(window[i] - window[j]) <= 1)
    )
    return i[kept].astype(np.int64), j[kept].astype(np.int64)


def _pairs(
    keys: np.ndarray,
    members: np.ndarray,
    count: int,
    first_new: int,
    leader: np.ndarray | None = None,
) -> np.ndarray:
    """Codes i * count + j of the pairs of members sharing a key; with ``leader``, only
    pairs holding a leading entry. Groups with no member at ``first_new`` or later are
    skipped before any pair is made."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((members, keys))
    keys, members = keys[order], members[order]
    leads = leader[order] if leader is not None else None
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    group = np.repeat(np.arange(len(starts)), sizes)
    newest = np.maximum.reduceat(members, starts)
    live = (sizes > 1) & (newest >= first_new)
    if leads is not None:
        live &= np.logical_or.reduceat(leads, starts)
    keep = live[group]
    keys, members, group = keys[keep], members[keep], group[keep]
    if leads is not None:
        leads = leads[keep]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else starts[:0]
    sizes = np.diff(np.r_[starts, len(keys)])
    group = np.repeat(np.arange(len(starts)), sizes)
    offset = np.arange(len(keys)) - starts[group]
    # Each entry pairs with the entries after it in its group.
    after = sizes[group] - 1 - offset
    out = []
    batch_start = 0
    cumulative = np.cumsum(after)
    while batch_start < len(keys):
        limit = (cumulative[batch_start - 1] if batch_start else 0) + PAIRS_PER_BATCH
        batch_end = max(batch_start + 1, int(np.searchsorted(cumulative, limit, side="right")))
        span = slice(batch_start, batch_end)
        counts = after[span]
        total = int(counts.sum())
        positions = np.arange(batch_start, batch_end)
        first = np.repeat(positions, counts)
        within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        second = first + 1 + within
        a, b = members[first], members[second]
        keep_pair = np.maximum(a, b) >= first_new
        if leads is not None:
            keep_pair &= leads[first] | leads[second]
        low, high = np.minimum(a, b)[keep_pair], np.maximum(a, b)[keep_pair]
        out.append(np.unique(low * count + high))
        batch_start = batch_end
    return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)


def components(count: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The connected part of each item 0..count-1 in the graph of edges (i, j), labelled
    by its smallest member."""
    labels = np.arange(count, dtype=np.int64)
    if not len(i):
        return labels
    while True:
        low = np.minimum(labels[i], labels[j])
        before = labels.copy()
        np.minimum.at(labels, i, low)
        np.minimum.at(labels, j, low)
        # Point every item at its label's label until that settles (pointer jumping).
        while True:
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped
        if np.array_equal(labels, before):
            return labels
