"""``derived_text``: one source that follows another sentence by sentence. Two sources
reporting one event share claims in any order; a rewrite keeps the original's order and
some of its sentences nearly word for word. The finding gives the shares both ways.
"""

from __future__ import annotations

from collections import defaultdict

from framediff.findings.context import Context, Draft
from framediff.model import Link, SentenceRef

# At least this many linked sentences in the same order...
_MIN_CHAIN = 3
# ...covering at least this share of the shorter source's sentences...
_MIN_SHARE = 0.5
# ...and at least one of them a near copy (character similarity).
_NEAR_COPY = 0.8


def _chain(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The heaviest run of links increasing in both sources (weights are link scores), so
    the strongest of several links from one sentence is the one kept."""
    pairs = sorted(pairs)
    best: list[float] = []
    back: list[int] = []
    for k, (i, j, weight) in enumerate(pairs):
        prior = [m for m in range(k) if pairs[m][0] < i and pairs[m][1] < j]
        m = max(prior, key=lambda m: (best[m], -m), default=-1)
        best.append(weight + (best[m] if m >= 0 else 0.0))
        back.append(m)
    at = max(range(len(pairs)), key=lambda k: (best[k], -k), default=-1)
    chain = []
    while at >= 0:
        chain.append((pairs[at][0], pairs[at][1]))
        at = back[at]
    return chain[::-1]


def derived_findings(ctx: Context) -> list[Draft]:
    between: dict[tuple[str, str], list[tuple[int, int, Link]]] = defaultdict(list)
    for a, b, link in ctx.pairs():
        between[(a.source, b.source)].append((a.sentence, b.sentence, link))
    drafts = []
    for (x, y), items in sorted(
        between.items(), key=lambda kv: (ctx.order[kv[0][0]], ctx.order[kv[0][1]])
    ):
        chain = _chain([(i, j, link.score) for i, j, link in items])
        near = {
            (i, j)
            for i, j, link in items
            if link.signals.characters >= _NEAR_COPY or link.relation == "same"
        }
        n_x, n_y = len(ctx.by_id[x].sentences), len(ctx.by_id[y].sentences)
        if len(chain) < _MIN_CHAIN or not near & set(chain):
            continue
        share_x, share_y = len(chain) / n_x, len(chain) / n_y
        if max(share_x, share_y) < _MIN_SHARE:
            continue
        # The follower is the later-published source where dates tell; else the one the
        # chain covers less of (it adds to what it took); else the later in input order.
        date_x, date_y = ctx.by_id[x].article.published, ctx.by_id[y].article.published
        if date_x and date_y and date_x != date_y:
            follower, original = (x, y) if date_x > date_y else (y, x)
        else:
            follower, original = (x, y) if share_x < share_y else (y, x)
        f_share, o_share = (share_x, share_y) if follower == x else (share_y, share_x)
        f_index = 0 if follower == x else 1
        refs = [SentenceRef(follower, p[f_index]) for p in chain] + [
            SentenceRef(original, p[1 - f_index]) for p in chain
        ]
        drafts.append(
            Draft(
                kind="derived_text",
                strength=0.45 + 0.2 * o_share,
                summary=(
                    f"{ctx.label(follower)} follows {ctx.label(original)} in order: {len(chain)} of its "
                    f"{len(ctx.by_id[follower].sentences)} sentences track {len(chain)} of "
                    f"{ctx.label(original)}'s {len(ctx.by_id[original].sentences)}"
                ),
                sources=(follower, original),
                evidence=tuple(ctx.evidence(r) for r in ctx.sort_refs(refs)),
                detail={
                    "follower": follower,
                    "original": original,
                    "sentences": len(chain),
                    "share_of_follower": round(f_share, 3),
                    "share_of_original": round(o_share, 3),
                    "near_copies": len(near & set(chain)),
                    "pairs": [[p[f_index], p[1 - f_index]] for p in chain],
                },
            )
        )
    return drafts
