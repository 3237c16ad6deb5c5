"""Help > Guide: what each view shows, in two or three sentences, and where the book explains it.

The chapters and sections are those of "Deep Learning from Scratch 2" (ゼロから作るDeep Learning ❷,
O'Reilly Japan, 2018). Each view's title bar has a "?" button that opens the guide at its section
(``show_guide(parent, key)``; the keys are the panels' class names, and "CurvesPanel" for the curves).
Every text is a whole sentence, so that it can be translated as one.
"""

from __future__ import annotations

import html

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PyQt6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

# key -> (title, what it shows, where the book explains it)
SECTIONS: dict[str, tuple[str, str, str]] = {
    "CurvesPanel": (
        QT_TRANSLATE_NOOP("Guide", "Training curves"),
        QT_TRANSLATE_NOOP("Guide", "The loss is the mean cross-entropy of each training batch, drawn faint, "
                                   "with a smoothed line over it; the orange points are the validation loss "
                                   "on text the network never trains on. When the training loss keeps "
                                   "falling while the validation loss rises, the network is memorising: that "
                                   "is overfitting. Perplexity is exp(loss): the number of choices the model "
                                   "is as unsure as."),
        QT_TRANSLATE_NOOP("Guide", "Chapter 5.5.3 (evaluating a language model: perplexity); chapter 6.5.2 "
                                   "(overfitting and dropout); gradient norm and clipping: chapter 6.1.4.")),
    "ActivationsPanel": (
        QT_TRANSLATE_NOOP("Guide", "Inside the network"),
        QT_TRANSLATE_NOOP("Guide", "Each heatmap shows one quantity of one example over time: a column per "
                                   "timestep, a row per unit. For an LSTM, the forget gate f, the input gate "
                                   "i and the output gate o are between 0 and 1, and decide what the memory "
                                   "cell c keeps, takes in and shows. The plot below them is the size of the "
                                   "gradient that reaches each timestep on its way back through time: flat "
                                   "when it vanishes. Click a cell of a heatmap to open the Equations view: "
                                   "the book's equations of that unit at that step, with the network's numbers "
                                   "written in, forward and in the last backward pass."),
        QT_TRANSLATE_NOOP("Guide", "Gradient flow: chapter 6.1 (vanishing and exploding gradients); the "
                                   "gates: chapter 6.2 (LSTM); the gradient through the memory cell: chapter "
                                   "6.2.5; the time layers: chapter 5.3.")),
    "SaturationPanel": (
        QT_TRANSLATE_NOOP("Guide", "Gate saturation"),
        QT_TRANSLATE_NOOP("Guide", "One dot per unit, placed by how often its gates are nearly closed and "
                                   "nearly open. A forget gate that is almost always open lets the cell's "
                                   "memory, and its gradient, pass through many steps."),
        QT_TRANSLATE_NOOP("Guide", "Chapter 6.2.5 (why the LSTM's gradient does not vanish); the GRU's "
                                   "gates: appendix C.")),
    "WeightsPanel": (
        QT_TRANSLATE_NOOP("Guide", "Recurrent weights"),
        QT_TRANSLATE_NOOP("Guide", "The matrix Wh carries the hidden state from one step to the next. Its "
                                   "spectral radius (its largest eigenvalue's size) says what repeating it "
                                   "does: below 1 signals and gradients shrink over the steps, above 1 some "
                                   "can grow. The radius is recorded throughout training, whether or not "
                                   "this view is on screen."),
        QT_TRANSLATE_NOOP("Guide", "Chapter 6.1.3 (why gradients vanish or explode: repeated multiplication "
                                   "by Wh).")),
    "SamplingPanel": (
        QT_TRANSLATE_NOOP("Guide", "Prompt and sampling"),
        QT_TRANSLATE_NOOP("Guide", "The model gives a probability to every possible next character or word; "
                                   "sampling draws one, feeds it back in, and repeats. The temperature "
                                   "sharpens (below 1) or flattens (above 1) those probabilities before the "
                                   "draw, and top-k keeps only the k most likely."),
        QT_TRANSLATE_NOOP("Guide", "Chapter 7.1 (generating text with an RNN language model).")),
    "UnitTextPanel": (
        QT_TRANSLATE_NOOP("Guide", "Text coloured by a unit"),
        QT_TRANSLATE_NOOP("Guide", "The text behind a trace, each character shaded by one hidden unit's "
                                   "value when the network read it. Some units track something you can name: "
                                   "a quote that is open, the position in a line, the end of a word."),
        QT_TRANSLATE_NOOP("Guide", "Chapter 5.2 (the hidden state as the network's memory of what it has "
                                   "read).")),
    "SampleTimelinePanel": (
        QT_TRANSLATE_NOOP("Guide", "Samples over training"),
        QT_TRANSLATE_NOOP("Guide", "The same prompt sampled again every so often while the model trains, so "
                                   "the text's progress from noise to words can be read step by step."),
        QT_TRANSLATE_NOOP("Guide", "Chapter 7.1 (text generation) and chapter 6.4 (the LSTM language model).")),
    "WordVectorsPanel": (
        QT_TRANSLATE_NOOP("Guide", "Word vectors"),
        QT_TRANSLATE_NOOP("Guide", "Every word the language model reads is a vector, a row of its embedding "
                                   "matrix. Words used in similar places end up pointing in similar directions: "
                                   "type a word to see its nearest words by cosine similarity, or an analogy "
                                   "such as buy − bought + sold. The map places the 300 most frequent words "
                                   "along the two directions in which their vectors vary most (PCA), and "
                                   "rearranges itself as training goes on."),
        QT_TRANSLATE_NOOP("Guide", "Distributed representations and cosine similarity: chapters 2.3 and 2.4; "
                                   "word2vec and analogies: chapters 3 and 4.4; the embedding of the language "
                                   "model and weight tying: chapters 5.5 and 6.5.")),
    "AdderPanel": (
        QT_TRANSLATE_NOOP("Guide", "Binary adder"),
        QT_TRANSLATE_NOOP("Guide", "The network reads two 8-bit numbers one bit pair per step, least "
                                   "significant first, and writes their sum one bit per step. Each sum bit "
                                   "needs the carry from the step before, which is not in the input: the "
                                   "network has to keep it in its hidden state."),
        QT_TRANSLATE_NOOP("Guide", "Chapter 5.2 (an RNN's hidden state carries information from step to "
                                   "step).")),
    "Seq2seqPanel": (
        QT_TRANSLATE_NOOP("Guide", "Seq2seq and attention"),
        QT_TRANSLATE_NOOP("Guide", "An encoder reads the question and a decoder writes the answer one "
                                   "character at a time. With attention, each row of the heatmap shows which "
                                   "question characters the decoder looked at while writing one answer "
                                   "character."),
        QT_TRANSLATE_NOOP("Guide", "Seq2seq: chapter 7.2; reversed input and peeky: chapter 7.4; attention: "
                                   "chapter 8.1; bidirectional encoders: chapter 8.4.1.")),
    "HyperparamsPanel": (
        QT_TRANSLATE_NOOP("Guide", "Hyperparameters"),
        QT_TRANSLATE_NOOP("Guide", "Settings in the upper groups apply to the running model at once; the "
                                   "others need a new model (Apply and reset). Every control's tooltip says "
                                   "what it does and its range."),
        QT_TRANSLATE_NOOP("Guide", "Learning rate and optimisers: chapter 1.4; gradient clipping: chapter "
                                   "6.1.4; dropout and weight tying: chapter 6.5.")),
    "TaskPanel": (
        QT_TRANSLATE_NOOP("Guide", "Task and model"),
        QT_TRANSLATE_NOOP("Guide", "What the network learns and which cell it uses: the plain RNN, the LSTM "
                                   "or the GRU."),
        QT_TRANSLATE_NOOP("Guide", "The RNN: chapter 5; the LSTM: chapter 6; the GRU: appendix C; seq2seq: "
                                   "chapter 7.")),
    "RunsPanel": (
        QT_TRANSLATE_NOOP("Guide", "Runs"),
        QT_TRANSLATE_NOOP("Guide", "Every model you train is kept as a run when you start another one, so "
                                   "runs of the same task can be compared on the same curves. Runs of "
                                   "another task are listed but not drawn."),
        QT_TRANSLATE_NOOP("Guide", "Comparing models on validation perplexity: chapter 6.4 and 6.5.")),
}


def guide_html() -> str:
    """The whole guide in the window's language."""
    def tr(text: str) -> str:
        return html.escape(QCoreApplication.translate("Guide", text))

    parts = ["<h2>" + html.escape(QCoreApplication.translate("Guide", "Guide to RNN Lab's views")) + "</h2>",
             "<p>" + html.escape(QCoreApplication.translate("Guide", "Chapter numbers refer to the book “Deep "
                                                                     "Learning from Scratch 2” (ゼロから作るDeep "
                                                                     "Learning ❷).")) + "</p>"]
    in_the_book = html.escape(QCoreApplication.translate("Guide", "In the book:"))
    for key, (title, what, where) in SECTIONS.items():
        parts.append(f"<h3><a name='{key}'></a>{tr(title)}</h3><p>{tr(what)}</p>"
                     f"<p><i>{in_the_book}</i> {tr(where)}</p>")
    return "\n".join(parts)


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Guide"))
        self.text = QTextBrowser()
        self.text.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(620, 640)

    def show_section(self, key: str | None) -> None:
        if key in SECTIONS:
            self.text.scrollToAnchor(key)


def show_guide(parent: QWidget, key: str | None = None) -> GuideDialog:
    """Open (or raise) the guide, at ``key``'s section."""
    dlg = getattr(parent, "_guide_dialog", None)
    if dlg is None:
        dlg = GuideDialog(parent)
        parent._guide_dialog = dlg
    dlg.show()
    dlg.raise_()
    dlg.show_section(key)
    return dlg


__all__ = ["SECTIONS", "GuideDialog", "guide_html", "show_guide"]
