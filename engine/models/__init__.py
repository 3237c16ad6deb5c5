"""Models: compositions of layers (SimpleRnnlm, Rnnlm, BetterRnnlm, Seq2seq, the adder's RNN, ...)."""
