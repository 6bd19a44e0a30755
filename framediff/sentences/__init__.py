"""Per-sentence analysis of each article on its own: who each sentence credits
(``attribution``, ``speakers``, ``phrases``), what it quotes (``quotes``), whom and what it
names (``entities``), its figures (``numbers``) and its wording (``framing``);
``analysis`` runs them over whole articles and is the one answer to "whom does this
sentence credit?". Nothing here compares two sources: that is ``framediff.findings``.
"""
