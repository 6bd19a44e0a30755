"""The shared row layout: word marks from Link.ops against any reference, filters,
and the rows a finding points at."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from render_sample import sample_comparison

from framediff.model import Link, Opcode, SentenceRef, Signals
from framediff.render.rows import Piece, build_layout, diff_pieces, without_credit


def test_diff_pieces_marks_insert_change_and_removal() -> None:
    base = "Lavrov met Wang in Beijing."
    other = "Lavrov met Wang Yi in the capital."
    ops = [
        Opcode("equal", 0, 15, 0, 15),
        Opcode("insert", 15, 15, 16, 18),
        Opcode("equal", 16, 18, 19, 21),
        Opcode("replace", 19, 26, 22, 33),
    ]
    pieces = diff_pieces(base, other, (0, len(other)), ops)
    assert pieces == [
        Piece("Lavrov met Wang "),
        Piece("Yi", "fd.insert"),
        Piece(" in "),
        Piece("Beijing ", "fd.delete"),
        Piece("the capital", "fd.change"),
        Piece("."),
    ]
    assert "".join(p.text for p in pieces if p.style != "fd.delete") == other


def test_oriented_ops_swap_sides_and_tags() -> None:
    link = Link(
        SentenceRef("s1", 0),
        SentenceRef("s2", 0),
        0.8,
        "paraphrase",
        Signals(0, 0, 0, 0, 0, 0),
        (Opcode("insert", 5, 5, 5, 9), Opcode("delete", 9, 12, 9, 9)),
    )
    assert link.ops_from(SentenceRef("s1", 0)) == link.ops
    assert link.ops_from(SentenceRef("s2", 0)) == (
        Opcode("delete", 5, 9, 5, 5),
        Opcode("insert", 9, 9, 9, 12),
    )


def test_layout_rows_follow_clusters_with_missing_cells() -> None:
    layout = build_layout(sample_comparison())
    assert [row.cluster.id for row in layout.rows] == ["c1", "c2", "c3", "c4", "c5"]
    row = layout.rows[1]
    assert row.present == ("s1", "s2")
    assert row.cell("s3").missing
    assert not row.cell("s1").changed  # the reference is never marked against itself
    sau = row.cell("s2")
    assert sau.text == sample_comparison().document("s2").sentences[0].text
    assert Piece("their", "fd.insert") in sau.pieces
    assert Piece("ministries", "fd.change") in without_credit(sau.pieces)


def test_layout_against_another_reference_reorients_marks() -> None:
    layout = build_layout(sample_comparison(), "s3")
    assert layout.reference == "s3"
    row = layout.rows[2]
    assert not row.cell("s3").changed
    assert Piece(" a readout said", "fd.delete") in row.cell("s1").pieces


def test_filters_and_finding_rows() -> None:
    comparison = sample_comparison()
    layout = build_layout(comparison)
    assert [r.index for r in layout.rows if r.matches("unique")] == [0, 3, 4]
    assert [r.index for r in layout.rows if r.matches("findings")] == [0, 1]
    assert all(r.matches("differences") for r in layout.rows)
    f1 = comparison.analysis.findings[0]
    assert layout.rows_of_finding(f1) == [1]
    assert [f.id for f in layout.rows[1].findings] == ["f1", "f2"]


WORDS = st.lists(
    st.sampled_from(
        ["the", "minister", "said", "Beijing", "on", "Sunday", "U.S.", "talks", "\u738b\u6bc5"]
    ),
    min_size=1,
    max_size=12,
)


@given(WORDS, WORDS)
@settings(max_examples=200, deadline=None)
def test_marked_cell_keeps_the_sentence_words(first: list[str], second: list[str]) -> None:
    from render_sample import make_document, word_ops

    base = make_document("s1", [" ".join(first) + "."])
    other = make_document("s2", [" ".join(second) + "."])
    ops = word_ops(base, 0, other, 0)
    sentence = other.sentences[0]
    pieces = diff_pieces(base.article.text, other.article.text, (sentence.start, sentence.end), ops)
    own = "".join(p.text for p in pieces if p.style != "fd.delete")
    assert own == sentence.text  # the source's own text, character for character
    removed = " ".join(p.text for p in pieces if p.style == "fd.delete").split()
    assert all(word in base.article.text for word in removed)


def test_rows_list_only_findings_above_min_weight() -> None:
    from dataclasses import replace

    comparison = sample_comparison()
    comparison = replace(comparison, settings=replace(comparison.settings, min_weight=0.7))
    layout = build_layout(comparison)
    assert [[f.id for f in row.findings] for row in layout.rows[:2]] == [[], ["f1"]]


def test_attribution_spans_are_credited_across_word_changes() -> None:
    layout = build_layout(sample_comparison())
    sau = layout.rows[1].cell("s2")
    credited = "".join(p.text for p in sau.pieces if p.credited)
    assert credited == "China and Russia's foreign ministries said"
    assert Piece("China and", "fd.insert", True) in sau.pieces
    assert Piece("ministries", "fd.change", True) in sau.pieces
    assert "".join(p.text for p in sau.pieces if p.style != "fd.delete") == sau.text
    reuters = layout.rows[1].cell("s1")
    assert "".join(p.text for p in reuters.pieces if p.credited) == "Russia's Foreign Ministry said"
