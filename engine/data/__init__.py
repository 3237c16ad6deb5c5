"""Data for the language models: safe text reading, vocabularies, corpora, BPTT batches, built-in data.

- ``text.read_text``: a user's text file, or one clear TaskError (missing, folder, empty, binary,
  not UTF-8, over 300 MB);
- ``vocab``: ``Vocab`` (list + dict, JSON), the book's word vocabulary, character vocabularies;
- ``corpus``: PTB folders and single files as word lists (``<eos>`` at line ends);
- ``batcher``: the book's truncated-BPTT batch scheme over an int32 id array;
- ``builtin``: the project's own default text and a seeded sentence grammar.
"""
