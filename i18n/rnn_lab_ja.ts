<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>About</name>
    <message>
        <location filename="../gui/dialogs.py" line="44" />
        <source>About RNN Lab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="46" />
        <source>Watch recurrent neural networks learn, live: the binary adder, character and word language models and sequence-to-sequence models of &lt;i&gt;Deep Learning from Scratch 2&lt;/i&gt;, trained by a pure-NumPy engine you can read line by line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="52" />
        <source>MIT licence.</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>AccuracyCurve</name>
    <message>
        <location filename="../gui/widgets/accuracy_curve.py" line="35" />
        <source>step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/accuracy_curve.py" line="36" />
        <source>accuracy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/accuracy_curve.py" line="43" />
        <source>batch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/accuracy_curve.py" line="47" />
        <source>validation</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>ActivationsPanel</name>
    <message>
        <location filename="../gui/panels/activations.py" line="30" />
        <source>hidden state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="33" />
        <location filename="../gui/panels/activations.py" line="31" />
        <source>cell state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="79" />
        <source>Which example to look inside (the same one every frame)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="83" />
        <source>Layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="122" />
        <location filename="../gui/panels/activations.py" line="84" />
        <source>Waiting for a trace: start or step training.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="87" />
        <source>Hover over a heatmap to read a value; click or drag the cursor to pick a step.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="98" />
        <source>Example #</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="135" />
        <source>Heatmap {key}: {name} ({layer})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="138" />
        <source>All heatmaps and gradient flow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="140" />
        <source>Gradient flow through time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="205" />
        <source>⚠ non-finite values drawn as 0 ({counts})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="215" />
        <source>(colours: fixed scales, the cell state's range adapts)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="250" />
        <source>Gradient flowing back through time (log scale)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="321" />
        <source>Cursor: t = {t} “{token}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="324" />
        <source>  → next “{token}”, predicted with p = {p:.3f}</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>AdderPanel</name>
    <message>
        <location filename="../gui/panels/adder_view.py" line="151" />
        <source>Shade of a predicted bit = the network's P(bit = 1) (number below it);  red outline = wrong bit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="154" />
        <source>New example</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="217" />
        <location filename="../gui/panels/adder_view.py" line="162" />
        <source>predicted {sum}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="197" />
        <location filename="../gui/panels/adder_view.py" line="163" />
        <source>Step {step}: exact match on all 16,384 pairs {accuracy:.1%}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="168" />
        <source>all 16,384 pairs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="169" />
        <source>exact-match accuracy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="195" />
        <source>   ·   bits right: {share:.1%}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="202" />
        <source>Adder example (bits)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="202" />
        <source>Adder panel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="203" />
        <source>Accuracy curve</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>App</name>
    <message>
        <location filename="../gui/app.py" line="266" />
        <source>RNN Lab: unexpected error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/app.py" line="267" />
        <source>{error}

The window keeps running. The details were written to {log}.</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>Autosave</name>
    <message>
        <location filename="../gui/autosave.py" line="114" />
        <source>RNN Lab saved your last {task} run at step {step} ({when} UTC). Restore it, or start fresh with the binary adder and every task's default settings?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/autosave.py" line="117" />
        <source>RNN Lab saved your last {task} run at step {step}. Restore it, or start fresh with the binary adder and every task's default settings?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/autosave.py" line="123" />
        <source>Restore the last session?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/autosave.py" line="124" />
        <source>Restore</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/autosave.py" line="125" />
        <source>Start fresh</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>Banner</name>
    <message>
        <location filename="../gui/widgets/banner.py" line="11" />
        <source>Training diverged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/banner.py" line="12" />
        <source>Something went wrong.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/banner.py" line="27" />
        <source>Dismiss</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>BitsView</name>
    <message>
        <location filename="../gui/panels/adder_view.py" line="67" />
        <source>predicted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="82" />
        <source>Waiting for an example: start or step training.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="128" />
        <source>← the network reads the bits right to left (least significant first)</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>Controller</name>
    <message>
        <location filename="../gui/controller.py" line="280" />
        <source>Starting a fresh one with the same settings; steps since the last save or autosave are lost.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/controller.py" line="282" />
        <source>It failed several times in a minute, so it was not restarted: try smaller settings, then Reset.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/controller.py" line="285" />
        <source>The training process stopped unexpectedly (exit code {code}). {what}</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>CurvePlots</name>
    <message>
        <location filename="../gui/curve_plots.py" line="54" />
        <source>step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/curve_plots.py" line="60" />
        <source>train</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/curve_plots.py" line="63" />
        <source>validation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/curve_plots.py" line="78" />
        <source>clip</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/curve_plots.py" line="95" />
        <source>Loss (cross-entropy, nats)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/curve_plots.py" line="97" />
        <source>Gradient norm (before clipping)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/curve_plots.py" line="98" />
        <source>Learning rate</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>CurvesPanel</name>
    <message>
        <location filename="../gui/panels/curves.py" line="47" />
        <source>step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="48" />
        <source>training time (s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="49" />
        <source>wall clock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="262" />
        <location filename="../gui/panels/curves.py" line="74" />
        <source>current run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="84" />
        <source>Exponential moving average of the step values (debiased, as in TensorBoard)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="88" />
        <source>Log scale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="89" />
        <source>Logarithmic y axis for loss, perplexity and gradient norm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="92" />
        <source>Smoothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="97" />
        <source>Ignore outliers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="98" />
        <source>Y ranges from the 1st to the 99th percentile of the curves drawn, so a spike does not flatten everything else</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="106" />
        <source>What these curves show, and where the book explains them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="126" />
        <source>x: step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="126" />
        <source>x: training time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="127" />
        <source>x: wall clock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="129" />
        <source>X axis: the step; the training time since the run started (pauses excluded), to compare runs by compute; or the wall clock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="132" />
        <source>Press Space to start training</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="203" />
        <source>diverged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="212" />
        <source>Curves: all plots</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="212" />
        <source>Curves: loss</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="213" />
        <source>Curves: {metric}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="214" />
        <source>Curves: gradient norm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="214" />
        <source>Curves: learning rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="265" />
        <source>{run} (train)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="266" />
        <source>train</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="267" />
        <source>{run} (validation)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="268" />
        <source>validation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="443" />
        <source>step {step}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="445" />
        <source>loss {loss} (smoothed {smoothed})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="453" />
        <source>val loss {loss} {metric} {value} @ {step}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="457" />
        <source>lr {value}</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>DockTitle</name>
    <message>
        <location filename="../gui/dock_title.py" line="25" />
        <source>What this view shows, and where the book explains it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dock_title.py" line="27" />
        <source>Float or dock this view</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dock_title.py" line="29" />
        <source>Hide this view (View menu shows it again)</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>Export</name>
    <message>
        <location filename="../gui/export.py" line="43" />
        <source>could not write {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/export.py" line="44" />
        <source>could not write {path}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/export.py" line="66" />
        <source>{what} cannot be exported as {format}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/export.py" line="80" />
        <source>nothing was written</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/export.py" line="95" />
        <source>the plot has no size (is it shown?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/export.py" line="124" />
        <source>the plot has no data yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/export.py" line="199" />
        <source>the widget has no size (is it shown?)</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>ExportDialog</name>
    <message>
        <location filename="../gui/dialogs.py" line="40" />
        <source>Whole window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="85" />
        <source>Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="98" />
        <source>What</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="99" />
        <source>Format</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="100" />
        <source>PNG width</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="101" />
        <source>SVG keeps curves sharp at any size; heatmaps export best as PNG. CSV holds the data.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="105" />
        <source>Export…</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>FileDialogs</name>
    <message>
        <location filename="../gui/file_dialogs.py" line="31" />
        <source>Choose the PTB folder (ptb.train.txt, ptb.valid.txt, ptb.test.txt)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="35" />
        <source>Open data for the {task} task</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="43" />
        <source>Text files (*.txt);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="49" />
        <source>Save checkpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="51" />
        <source>RNN Lab checkpoints (*.npz)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="63" />
        <source>Load checkpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="64" />
        <source>RNN Lab checkpoints (*.npz);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="65" />
        <source>Loading a checkpoint replaces the model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="74" />
        <source>Where is the data of this checkpoint now? (was {path})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="91" />
        <source>Export {what}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="101" />
        <source>Exported {what} to {path}</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>Guide</name>
    <message>
        <location filename="../gui/guide.py" line="19" />
        <source>Training curves</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="20" />
        <source>The loss is the mean cross-entropy of each training batch, drawn faint, with a smoothed line over it; the orange points are the validation loss on text the network never trains on. When the training loss keeps falling while the validation loss rises, the network is memorising: that is overfitting. Perplexity is exp(loss): the number of choices the model is as unsure as.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="26" />
        <source>Chapter 5.5.3 (evaluating a language model: perplexity); chapter 6.5.2 (overfitting and dropout); gradient norm and clipping: chapter 6.1.4.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="29" />
        <source>Inside the network</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="30" />
        <source>Each heatmap shows one quantity of one example over time: a column per timestep, a row per unit. For an LSTM, the forget gate f, the input gate i and the output gate o are between 0 and 1, and decide what the memory cell c keeps, takes in and shows. The plot below them is the size of the gradient that reaches each timestep on its way back through time: flat when it vanishes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="36" />
        <source>Gradient flow: chapter 6.1 (vanishing and exploding gradients); the gates: chapter 6.2 (LSTM); the time layers: chapter 5.3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="39" />
        <source>Gate saturation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="40" />
        <source>One dot per unit, placed by how often its gates are nearly closed and nearly open. A forget gate that is almost always open lets the cell's memory, and its gradient, pass through many steps.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="43" />
        <source>Chapter 6.2.5 (why the LSTM's gradient does not vanish); the GRU's gates: appendix C.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="46" />
        <source>Recurrent weights</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="47" />
        <source>The matrix Wh carries the hidden state from one step to the next. Its spectral radius (its largest eigenvalue's size) says what repeating it does: below 1 signals and gradients shrink over the steps, above 1 some can grow. The radius is recorded throughout training, whether or not this view is on screen.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="52" />
        <source>Chapter 6.1.3 (why gradients vanish or explode: repeated multiplication by Wh).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="55" />
        <source>Prompt and sampling</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="56" />
        <source>The model gives a probability to every possible next character or word; sampling draws one, feeds it back in, and repeats. The temperature sharpens (below 1) or flattens (above 1) those probabilities before the draw, and top-k keeps only the k most likely.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="60" />
        <source>Chapter 7.1 (generating text with an RNN language model).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="62" />
        <source>Text coloured by a unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="63" />
        <source>The text behind a trace, each character shaded by one hidden unit's value when the network read it. Some units track something you can name: a quote that is open, the position in a line, the end of a word.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="66" />
        <source>Chapter 5.2 (the hidden state as the network's memory of what it has read).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="69" />
        <source>Samples over training</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="70" />
        <source>The same prompt sampled again every so often while the model trains, so the text's progress from noise to words can be read step by step.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="72" />
        <source>Chapter 7.1 (text generation) and chapter 6.4 (the LSTM language model).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="74" />
        <source>Binary adder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="75" />
        <source>The network reads two 8-bit numbers one bit pair per step, least significant first, and writes their sum one bit per step. Each sum bit needs the carry from the step before, which is not in the input: the network has to keep it in its hidden state.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="79" />
        <source>Chapter 5.2 (an RNN's hidden state carries information from step to step).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="82" />
        <source>Seq2seq and attention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="83" />
        <source>An encoder reads the question and a decoder writes the answer one character at a time. With attention, each row of the heatmap shows which question characters the decoder looked at while writing one answer character.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="87" />
        <source>Seq2seq: chapter 7.2; reversed input and peeky: chapter 7.4; attention: chapter 8.1; bidirectional encoders: chapter 8.4.1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="90" />
        <source>Hyperparameters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="91" />
        <source>Settings in the upper groups apply to the running model at once; the others need a new model (Apply and reset). Every control's tooltip says what it does and its range.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="94" />
        <source>Learning rate and optimisers: chapter 1.4; gradient clipping: chapter 6.1.4; dropout and weight tying: chapter 6.5.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="97" />
        <source>Task and model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="98" />
        <source>What the network learns and which cell it uses: the plain RNN, the LSTM or the GRU.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="100" />
        <source>The RNN: chapter 5; the LSTM: chapter 6; the GRU: appendix C; seq2seq: chapter 7.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="103" />
        <source>Runs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="104" />
        <source>Every model you train is kept as a run when you start another one, so runs of the same task can be compared on the same curves. Runs of another task are listed but not drawn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="107" />
        <source>Comparing models on validation perplexity: chapter 6.4 and 6.5.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="116" />
        <source>Guide to RNN Lab's views</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="117" />
        <source>Chapter numbers refer to the book “Deep Learning from Scratch 2” (ゼロから作るDeep Learning ❷).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/guide.py" line="120" />
        <source>In the book:</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>GuideDialog</name>
    <message>
        <location filename="../gui/guide.py" line="130" />
        <source>Guide</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>Heatmap</name>
    <message>
        <location filename="../gui/widgets/heatmap.py" line="217" />
        <source>unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/heatmap.py" line="306" />
        <source>{name}   t = {t} “{token}”   {row_name} {row}   value {value:+.4f}</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>HeatmapWidget</name>
    <message>
        <location filename="../gui/widgets/heatmap.py" line="331" />
        <source>row</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../gui/widgets/heatmap.py" line="348" />
        <source>⚠ %n non-finite value(s) drawn as 0</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
</context><context>
    <name>Hyperparameters</name>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="44" />
        <source>Training — applies at once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="46" />
        <source>Sampling — applies at once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="47" />
        <source>Model — needs a reset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="49" />
        <source>Optimisation &amp;&amp; data — needs a reset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="53" />
        <source>Learning rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="54" />
        <source>Gradient clip</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="55" />
        <source>Dropout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="56" />
        <source>Evaluate every</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="57" />
        <source>Temperature</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="58" />
        <source>Top-k</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="59" />
        <source>Hidden units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="60" />
        <source>Embedding size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="61" />
        <source>Layers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="62" />
        <source>Activation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="63" />
        <source>Initialisation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="64" />
        <source>Tie weights</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="65" />
        <source>Optimizer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="66" />
        <source>LR schedule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="67" />
        <source>Batch size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="68" />
        <source>BPTT length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="69" />
        <source>Seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="70" />
        <source>Eval batches</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="71" />
        <source>Stop at step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="72" />
        <source>Stop at epoch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="73" />
        <source>Init std</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="74" />
        <source>Precision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="75" />
        <source>Validation share</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="76" />
        <source>Min word count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="77" />
        <source>Layer code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="78" />
        <source>Pause when solved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="79" />
        <source>Task</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="79" />
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="80" />
        <source>Data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="81" />
        <source>Built-in text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="82" />
        <source>Encoding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="83" />
        <source>Decay steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="85" />
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="86" />
        <source>book</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="87" />
        <source>step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="88" />
        <source>exponential</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="89" />
        <source>cosine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="90" />
        <source>normal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="91" />
        <source>readable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="92" />
        <source>fast</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="93" />
        <source>English</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="94" />
        <source>Japanese</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>HyperparamsPanel</name>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="166" />
        <source>Advanced settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="185" />
        <source>Reset to defaults</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="186" />
        <source>Show the task's default settings (live ones apply at once; the others with Apply &amp;&amp; reset)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="202" />
        <source>Apply &amp;&amp; reset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="203" />
        <source>Build a fresh model with these settings (asks first if it has trained)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="205" />
        <source>Revert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="221" />
        <source>applies at once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="221" />
        <source>needs a new model (Apply &amp; reset)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="224" />
        <source>{help} — {when}; range {low} – {high}. [{name}]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="227" />
        <source>{help} — {when}. [{name}]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="310" />
        <source>locked by the lesson</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="339" />
        <source>, </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="340" />
        <source>Changed: {settings}. A new model is needed for these to take effect.</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../gui/language_menu.py" line="43" />
        <location filename="../gui/language_menu.py" line="18" />
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/language_menu.py" line="22" />
        <source>System default ({language})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/language_menu.py" line="44" />
        <source>RNN Lab will speak {language} from its next start. Close the window and start it again to switch now (a trained run is saved and offered back).</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>Layers</name>
    <message>
        <location filename="../gui/panels/base.py" line="23" />
        <source>encoder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/base.py" line="23" />
        <source>decoder</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>LessonMode</name>
    <message>
        <location filename="../gui/lesson_loader.py" line="73" />
        <source>Could not open the lesson: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/lesson_loader.py" line="85" />
        <source>Opening a lesson starts a fresh model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/lesson_loader.py" line="94" />
        <source>Lesson — {title}</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>LessonPanel</name>
    <message numerus="yes">
        <location filename="../gui/panels/lesson.py" line="32" />
        <source>About %Ln training step(s).</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../gui/panels/lesson.py" line="85" />
        <location filename="../gui/panels/lesson.py" line="34" />
        <source>, </source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/lesson.py" line="36" />
        <source>Training pauses at step(s) {steps}, where the lesson asks you to look; press Space to go on.</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../gui/panels/lesson.py" line="64" />
        <source>Leave lesson</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/lesson.py" line="65" />
        <source>Show every panel and control again (the model stays)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/lesson.py" line="86" />
        <source>Locked by the lesson: {controls}</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>MainWindow</name>
    <message>
        <location filename="../gui/main_window.py" line="319" />
        <location filename="../gui/main_window.py" line="155" />
        <source>Play</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="156" />
        <source>Start or pause training</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="157" />
        <source>Step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="158" />
        <source>Train one batch, then pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="159" />
        <source>Reset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="160" />
        <source>A fresh model with these settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="161" />
        <source>Save…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="162" />
        <source>Save a checkpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="163" />
        <source>Load…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="164" />
        <source>Load a checkpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="165" />
        <source>Export…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="166" />
        <source>Export a plot, a panel or the whole window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="167" />
        <source>Evaluate now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="168" />
        <source>Evaluate on the validation split now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="169" />
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="170" />
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="171" />
        <source>Guide to the views</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="172" />
        <source>What each view shows, with the book's chapter and section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="173" />
        <source>About RNN Lab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="174" />
        <source>Dark theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="178" />
        <source>Reset layout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="181" />
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="182" />
        <source>Open text corpus…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="183" />
        <source>Open PTB folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="184" />
        <source>Open seq2seq file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="185" />
        <source>Use built-in data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="191" />
        <source>&amp;Train</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="193" />
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="198" />
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="202" />
        <source>Training</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="244" />
        <source>{what}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="254" />
        <source>Could not build the model: {error} (showing the binary adder instead)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="258" />
        <source>Could not build the model: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="268" />
        <source>Saved {path} at step {step}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="298" />
        <source>Loaded {path} (step {step})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="301" />
        <source>Press Space to start training</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="312" />
        <source>RNN Lab — {task}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="319" />
        <source>Pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="398" />
        <source>Discard the trained model?</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../gui/main_window.py" line="399" />
        <source>The model has trained for %Ln step(s). {what} This training is lost unless you save a checkpoint first.</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="408" />
        <source>This run has no validation split to evaluate on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="411" />
        <source>Evaluating on the validation split…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="418" />
        <source>Resetting starts a fresh model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="422" />
        <source>Applying the changed settings starts a fresh model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="444" />
        <source>Switching to the {task} task starts a fresh model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="451" />
        <source>Changing the model starts a fresh one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/main_window.py" line="463" />
        <location filename="../gui/main_window.py" line="455" />
        <source>Changing the data starts a fresh model.</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>Metrics</name>
    <message>
        <location filename="../gui/i18n.py" line="121" />
        <source>loss</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/i18n.py" line="121" />
        <source>perplexity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/i18n.py" line="122" />
        <source>accuracy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/i18n.py" line="123" />
        <source>bit accuracy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/i18n.py" line="124" />
        <source>character accuracy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/i18n.py" line="125" />
        <source>metric</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>Pace</name>
    <message numerus="yes">
        <location filename="../gui/pace.py" line="43" />
        <source>The binary adder learns in seconds, so it trains at %n step(s) per second for you to watch it; drag Speed to the right for full speed.</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
</context><context>
    <name>Panel</name>
    <message>
        <location filename="../gui/panels/lesson.py" line="55" />
        <location filename="../gui/lesson_loader.py" line="56" />
        <source>Lesson</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="61" />
        <source>Inside the network</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="62" />
        <source>Inside</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="135" />
        <source>Binary adder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="136" />
        <source>Adder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="66" />
        <source>Training curves</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="115" />
        <source>Hyperparameters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="53" />
        <source>Runs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="77" />
        <source>Prompt &amp; sampling</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="78" />
        <source>Sampling</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="53" />
        <source>Gate saturation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="54" />
        <source>Saturation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="65" />
        <source>Seq2seq</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="49" />
        <source>Task &amp; model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="53" />
        <source>Sample timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="54" />
        <source>Timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="56" />
        <source>Text coloured by a unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="57" />
        <source>Unit text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="45" />
        <source>Recurrent weights</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="46" />
        <source>Weights</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>RunOverlays</name>
    <message>
        <location filename="../gui/curve_overlays.py" line="123" />
        <source>{run}: loss {loss}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/curve_overlays.py" line="125" />
        <source> (baseline)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/curve_overlays.py" line="127" />
        <source>, vs baseline: {difference}</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>RunStatus</name>
    <message>
        <location filename="../gui/widgets/run_status.py" line="14" />
        <source>Running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="14" />
        <source>Paused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="15" />
        <source>Diverged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="16" />
        <source>Finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="17" />
        <source>Stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="18" />
        <source>Building…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="34" />
        <source>{amount} tok/s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="50" />
        <source>Training steps (batches) so far</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="51" />
        <source>Passes over the training data so far</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="53" />
        <source>Time spent training (pauses excluded), by the clock on the wall</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="81" />
        <source>step {step}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="85" />
        <source>epoch {epoch:.2f}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="89" />
        <source>Training throughput: tokens (bits, characters, words) per second of training</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="120" />
        <source>{n} steps/s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="122" />
        <source>Training is slowed down with the Speed control: steps per second now</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>RunsPanel</name>
    <message>
        <location filename="../gui/panels/runs.py" line="63" />
        <source>Run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="63" />
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="63" />
        <source>Baseline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="73" />
        <source>A run that trained is kept when you reset, rebuild or switch. Double-click a name to rename the run; tick Show to overlay it on the curves; tick Baseline to compare every run with it at the crosshair. Runs of other tasks are greyed: they are not drawn on these plots.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="77" />
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="78" />
        <source>Forget the selected kept run (the current run cannot be removed)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="170" />
        <source>A {run_task} run: not drawn on the {task} plots.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="187" />
        <source>Overlay this run on the curves</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="188" />
        <source>Compare every run with this one at the crosshair</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="203" />
        <source>Greyed: runs of another task, not drawn here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="204" />
        <source>Trained runs are kept when you reset or switch.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/runs.py" line="240" />
        <source>current run: %Ln step(s)</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/runs.py" line="240" />
        <source>kept run: %Ln step(s)</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
</context><context>
    <name>SampleTimelinePanel</name>
    <message>
        <location filename="../gui/panels/timeline.py" line="64" />
        <source>Sample every</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="69" />
        <source> steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="72" />
        <source>The same prompt every time, so that only the model changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="76" />
        <source>Sample now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="78" />
        <source>Export…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="80" />
        <source>Clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="83" />
        <source>Start training: a sample of the prompt appears here every N steps, newest first, with the validation loss at that time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="90" />
        <source>Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="92" />
        <source>Length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="136" />
        <source>Sample timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="175" />
        <source>no validation yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="177" />
        <source>val loss {loss:.3f} nats/character (perplexity {ppl:.1f})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="180" />
        <source>val loss {loss:.3f} nats/word (perplexity {ppl:.1f})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="182" />
        <source>step {step} · {validation}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/timeline.py" line="192" />
        <source>%n sample(s); next at step {step}</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="203" />
        <source>Export the sample timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="204" />
        <source>Text (*.txt)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="209" />
        <source>Could not write {path}: {error}</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>SamplingPanel</name>
    <message>
        <location filename="../gui/panels/sampling.py" line="95" />
        <source>Type a prompt and press Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="97" />
        <source>Sample</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="108" />
        <source>all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="112" />
        <source>Sample every</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="116" />
        <source> s while training</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="125" />
        <source>Type a prompt above and press Enter: the sample appears here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="188" />
        <location filename="../gui/panels/sampling.py" line="130" />
        <source>Bold: your prompt · orange: words mapped to &lt;unk&gt; · shade behind a generated token: the model's probability of it (pale = unlikely, strong = sure)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="138" />
        <source>Next token after the prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="139" />
        <source>probability</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="152" />
        <source>Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="156" />
        <source>Length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="156" />
        <source>Temperature</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="157" />
        <source>Top-k</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="185" />
        <source>Bold: your prompt · orange: characters the model does not know (left out) · shade behind a generated character: the model's probability of it (pale = unlikely, strong = sure)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="210" />
        <source>Next-token probabilities (bar chart)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="210" />
        <source>Sampled text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="241" />
        <source>Not in the vocabulary, left out of the prompt: {chars}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="244" />
        <source>{words}  (not in the vocabulary)</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>SaturationPanel</name>
    <message>
        <location filename="../gui/panels/saturation.py" line="35" />
        <source>A vanilla RNN has no gates: nothing can saturate at 0 or 1 here. Build an LSTM or GRU (Task panel) to see which units learn gates that stay open or shut.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="69" />
        <source>How many recent traces to pool: more timesteps, a steadier statistic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="119" />
        <location filename="../gui/panels/saturation.py" line="71" />
        <source>Waiting for a trace: start or step training.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="74" />
        <source>Click a point to read its unit (and pick it in “Text coloured by a unit”).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="82" />
        <source>fraction of time left-saturated (gate &amp;lt; {low}, closed)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="84" />
        <source>fraction of time right-saturated (gate &amp;gt; {high}, open)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="97" />
        <source>Layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="99" />
        <source>Pool the last</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="101" />
        <source>traces</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="127" />
        <source>Gate saturation scatter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="151" />
        <source>Cannot compute saturation: {error}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/saturation.py" line="161" />
        <source>Fractions of {steps} timesteps: the last %n trace(s) of the display passage ({passage}). Each point is one unit.</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="219" />
        <source>{layer} unit {unit}, {gate}: closed {closed:.0%} of the time, open {open:.0%}</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>SaveLessonDialog</name>
    <message>
        <location filename="../gui/session_menu.py" line="30" />
        <source>shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="31" />
        <source>locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="32" />
        <source>hidden</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="70" />
        <source>Save lesson</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="74" />
        <source>What the lesson is about</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="76" />
        <source>What to do and what to look for (blank lines separate paragraphs)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="78" />
        <source>Control</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="78" />
        <source>In the lesson</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="95" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="96" />
        <source>Text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="97" />
        <source>Controls</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="110" />
        <source>Untitled lesson</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>Seq2seqPanel</name>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="56" />
        <source>writing output {row} “{out}”, attention on input {col} (padding): {value:.3f}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="58" />
        <source>writing output {row} “{out}”, attention on input {col} “{inp}”: {value:.3f}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="76" />
        <source>Question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="77" />
        <source>Expected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="78" />
        <source>Generated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="90" />
        <source>New example</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="126" />
        <location filename="../gui/panels/seq2seq_view.py" line="92" />
        <source>Validation accuracy: not measured yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="93" />
        <source>output</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="93" />
        <source>attention weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="96" />
        <source>input characters ({mark} = padding)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="97" />
        <source>output characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="98" />
        <source>This model has no attention (choose the Attention model to see where the decoder looks).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="101" />
        <source>validation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="135" />
        <source>Validation accuracy: {accuracy:.1%} (step {step})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="139" />
        <source>Accuracy curve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="139" />
        <source>Seq2seq example</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="141" />
        <source>Attention weights</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="155" />
        <source>✓ right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="155" />
        <source>✗ wrong</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>SessionMenu</name>
    <message>
        <location filename="../gui/session_menu.py" line="38" />
        <source>Open lesson…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="39" />
        <source>Lessons</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="43" />
        <source>No lessons found: reinstall RNN Lab (pip install --force-reinstall rnn-lab)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="46" />
        <source>Save lesson…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="48" />
        <source>Export all runs (CSV)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="57" />
        <source>Open lesson</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="126" />
        <location filename="../gui/session_menu.py" line="59" />
        <source>RNN Lab lessons (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="125" />
        <source>Save lesson</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="133" />
        <source>Could not save the lesson: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="137" />
        <source>Saved lesson {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="144" />
        <source>No run has trained yet: nothing to export.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="147" />
        <source>Export all runs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="155" />
        <source>Could not export the runs: {error}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../gui/session_menu.py" line="158" />
        <source>Exported %n run(s) to {path}</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
</context><context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../gui/dialogs.py" line="31" />
        <source>Play / pause training</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="32" />
        <source>Train one batch, then pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="33" />
        <source>Reset: a fresh model (asks if it has trained)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="34" />
        <source>Save a checkpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="35" />
        <source>Load a checkpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="36" />
        <source>Export a plot, a panel or the whole window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="37" />
        <source>This list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="38" />
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="58" />
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="60" />
        <source>Key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="60" />
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="69" />
        <source>Single-key shortcuts are typed as text while a text field has the focus.</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>SpeedControl</name>
    <message>
        <location filename="../gui/widgets/speed_control.py" line="13" />
        <source>full speed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/speed_control.py" line="14" />
        <source>{n} steps/s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/speed_control.py" line="28" />
        <source>Slow training down to watch every update, or let it run at full speed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/speed_control.py" line="34" />
        <source>Speed</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>TaskPanel</name>
    <message>
        <location filename="../gui/panels/task_panel.py" line="38" />
        <source>The problem the network learns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="39" />
        <source>The recurrent cell, or one of the book's models (presets set the hyperparameters the book uses)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="41" />
        <source>train</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="41" />
        <source>val</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="42" />
        <source>test</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="44" />
        <source>English texts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="45" />
        <source>Japanese texts (日本語)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="167" />
        <location filename="../gui/panels/task_panel.py" line="72" />
        <source>built-in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="76" />
        <source>Open…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="77" />
        <source>Built-in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="78" />
        <source>Use the data that ships with RNN Lab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="90" />
        <source>Task</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="91" />
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="99" />
        <source>Data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="113" />
        <source>Text file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="114" />
        <source>PTB folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="171" />
        <source>tokens: {sizes}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="172" />
        <source>vocabulary: {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="200" />
        <location filename="../gui/panels/task_panel.py" line="195" />
        <source>locked by the lesson</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>UnitColors</name>
    <message>
        <location filename="../gui/widgets/unit_colors.py" line="45" />
        <source>unit’s h: −1 {stops} +1 &amp;nbsp;·&amp;nbsp; rows 1st–5th: the model’s next-token guesses, darker = likelier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/widgets/unit_colors.py" line="66" />
        <source>after “{read}”: P(“{next}”) = {p:.3f}</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>UnitTextPanel</name>
    <message>
        <location filename="../gui/panels/unit_text.py" line="83" />
        <source>Hold this trace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="84" />
        <source>Stop following training, to select and compare calmly</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="175" />
        <location filename="../gui/panels/unit_text.py" line="85" />
        <source>Waiting for a trace: start or step training.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="95" />
        <source>Select a span with the mouse to search for units that mark it (below)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="98" />
        <source>read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="98" />
        <source>1st</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="98" />
        <source>2nd</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="98" />
        <source>3rd</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="99" />
        <source>4th</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="99" />
        <source>5th</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="113" />
        <source>h &gt; threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="113" />
        <source>−h &gt; threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="114" />
        <source>Find units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="118" />
        <source>Next place</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="120" />
        <source>Select a span of the text, then Find units.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="127" />
        <source>Layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="127" />
        <source>Unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="134" />
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="134" />
        <source>to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="138" />
        <source>on when</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="198" />
        <source>Text coloured by a unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="198" />
        <source>Top-5 predictions per position</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="282" />
        <source>unit {unit}   score {score:+.2f}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/unit_text.py" line="284" />
        <source>%n unit(s) mark tokens {start}–{end}</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="286" />
        <source>No unit is on inside the span and off around it: try a lower threshold.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="302" />
        <source>Unit {unit} fires at tokens {where}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="303" />
        <source>Unit {unit} never fires</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>WeightsPanel</name>
    <message>
        <location filename="../gui/panels/weights.py" line="34" />
        <source>ρ &lt; 1: repeated multiplication by Wh shrinks signals and gradients (they vanish over long spans); ρ &gt; 1: some direction can grow (they can explode: clip).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="37" />
        <source>In an LSTM/GRU each block only feeds a gate's pre-activation; the long-range gradient path runs through the cell state (× f) or the update (1 − z), which is why it survives.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="59" />
        <source>Waiting for the weights: they are sent about once a second while this panel is shown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="63" />
        <source>from unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="63" />
        <source>weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="65" />
        <source>from h₍ₜ₋₁₎ unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="68" />
        <source>step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="69" />
        <source>spectral radius ρ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="83" />
        <source>Layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="113" />
        <source>Recurrent matrix Wh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="114" />
        <source>Spectral radius over training</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/weights.py" line="194" />
        <source>to the {blocks} blocks, %n unit(s) each</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="195" />
        <source>to unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="199" />
        <source> (colours end at ±{limit}; largest |w| {peak:.3g})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="202" />
        <source>columns: gate blocks {spans}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="203" />
        <source>columns: units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="204" />
        <source>{layer}: Wh is {rows} × {cols} (rows: h_(t-1) units; {columns}){clipped}. Spectral radius now: {now}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="216" />
        <source>ρ of the {gate} block</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="224" />
        <source>Wh[{row}, {col}]: from h_(t-1) unit {row} to {to}   weight {value:+.4f}</source>
        <translation type="unfinished" />
    </message>
</context><context>
    <name>engine</name>
    <message>
        <location filename="../engine/checkpoint.py" line="60" />
        <source>{path} is truncated or corrupt ({reason}); it cannot be loaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="169" />
        <source>no checkpoint at {path}: the file does not exist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="172" />
        <source>{path} is a folder, not a checkpoint file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="86" />
        <location filename="../engine/checkpoint.py" line="177" />
        <source>cannot read {path}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="180" />
        <source>{path} is empty; it is not a checkpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="182" />
        <source>{path} is not an RNN Lab checkpoint (not an .npz archive)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="188" />
        <source>{path} is an .npz file but not an RNN Lab checkpoint (it has no {key})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="195" />
        <source>{path} is an .npz file but not an RNN Lab checkpoint (format is not {format!r})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="201" />
        <source>{path} is checkpoint version {version}, written by a newer RNN Lab (engine {engine}); this version reads version {known}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="216" />
        <source>{path} has corrupt metadata: {what}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="257" />
        <source>{path} holds an invalid configuration: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="265" />
        <source>the path given does not exist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="266" />
        <source>point to where it is now (--data PATH, or the window's data field)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="267" />
        <source>the data of this checkpoint is missing: {data} ({hint})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="269" />
        <source>cannot rebuild the {task} task of {path}: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="284" />
        <source>{path} does not match the {task} task it describes: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="39" />
        <source>What the network learns (a task of engine/tasks/registry.py)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="41" />
        <source>Model: a recurrent cell (rnn, lstm, gru, ...) or one of the task's own variants</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="45" />
        <source>Code of the recurrent layers: 'readable' (the book's equations, engine/layers/lstm.py) or 'fast' (fused kernels, engine/layers/fast/; the same numbers; a cell without fused code runs its readable code)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="50" />
        <source>Stacked recurrent layers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="51" />
        <source>Hidden units per recurrent layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="53" />
        <source>Embedding (word vector) size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="55" />
        <source>Activation of a vanilla RNN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="57" />
        <source>Weight initialisation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="59" />
        <source>Standard deviation for 'normal' initialisation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="61" />
        <source>Share embedding and output weights</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="63" />
        <source>Dropout ratio between layers (inverted dropout)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="65" />
        <source>Update rule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="67" />
        <source>Learning rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="68" />
        <source>Learning-rate schedule (book: divide by 4 when validation gets worse)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="71" />
        <source>Steps per halving of lr (step, exponential) or length of the cosine (its end is --iters when set)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="74" />
        <source>Clip gradients to this global norm (0 = off)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="76" />
        <source>Sequences per batch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="77" />
        <source>Truncated BPTT length (timesteps per batch)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="79" />
        <source>Random seed (weights, batches, dropout)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="81" />
        <source>Floating-point precision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="83" />
        <source>Sampling temperature</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="85" />
        <source>Sample only from the k most likely tokens (0 = all)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="87" />
        <source>Data file or folder ('' = built-in)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="88" />
        <source>The built-in text of the character model, used when no data file is given: en (English) or ja (Japanese)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="91" />
        <source>Text encoding of the data file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="93" />
        <source>Share of the text held out for validation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="95" />
        <source>Words seen fewer times become &lt;unk&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="97" />
        <source>Evaluate on the validation split every N steps (0 = never)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="100" />
        <source>Batches per evaluation (0 = the whole split)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="102" />
        <source>Pause training when the adder is exactly right on all 16,384 pairs (the window; the CLI trains on)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="105" />
        <source>Stop after this many steps (0 = no limit; CLI: --iters)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="107" />
        <source>Stop after this many epochs (0 = no limit)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="124" />
        <source>unknown configuration keys: {keys}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="156" />
        <source>unknown setting {name!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="177" />
        <source>{name} must be a finite {kind}, got {value!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="181" />
        <source>{name} must be between {lo} and {hi}, got {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/config.py" line="184" />
        <source>{name} must be one of {choices}, got {value!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/base.py" line="78" />
        <location filename="../engine/data/batcher.py" line="33" />
        <source>tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/batcher.py" line="34" />
        <source>training text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/batcher.py" line="39" />
        <source>The {what} has {n} {unit}, too few for one batch: batch {batch} x bptt {bptt} needs at least {need}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/batcher.py" line="50" />
        <source>The training split has {n} token(s), too few to learn anything from.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/corpus.py" line="19" />
        <source>train file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/corpus.py" line="19" />
        <source>val file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/corpus.py" line="20" />
        <source>test file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/corpus.py" line="33" />
        <source>The folder {folder} has no {name} (the {split} split of the Penn Treebank); pick a folder with ptb.train.txt, ptb.valid.txt and ptb.test.txt, or a single text file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="62" />
        <source>{source}: no examples (expected lines like '16+75  _91  ')</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="70" />
        <source>is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="71" />
        <source>has no '_' between question and answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="72" />
        <source>has an empty question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="73" />
        <source>has an empty answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="74" />
        <source>{source}: line {number} {what}: {line!r} (expected 'question_answer', e.g. '16+75  _91  ')</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="81" />
        <source>{source}: line {number} has a question of {q} and an answer of {a} characters, line 1 has {q1} and {a1} (the format pads every line to the same widths)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="95" />
        <source>{path} is a folder; choose a text file such as addition.txt or date.txt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="99" />
        <source>{path} is {size:,.1f} MB; seq2seq files larger than {most:,.1f} MB are refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="105" />
        <source>{path} looks like a binary file (it contains NUL bytes), not text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="111" />
        <source>{path}: line {line} is not valid UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8 (the book's files are plain ASCII)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="138" />
        <source>line {number} has the character {char!r}, which is not in the vocabulary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="140" />
        <source>example {number} has the character {char!r}, which is not in the vocabulary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="153" />
        <source>addition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="153" />
        <source>date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="154" />
        <source>generated {name} set ({n} examples)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="163" />
        <source>the vocabulary must contain the start symbol {start!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/text.py" line="30" />
        <source>data file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/text.py" line="38" />
        <source>The {what} {path} does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/text.py" line="40" />
        <source>The path {path} is a folder, not a text file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/text.py" line="42" />
        <source>The path {path} is not a regular file, so it cannot be read as the {what}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/text.py" line="52" />
        <source>Unknown text encoding {encoding!r}; use 'utf-8' or 'latin-1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/text.py" line="57" />
        <source>The file {path} is {size}; text files larger than {most} are refused.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/text.py" line="60" />
        <source>The file {path} is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/text.py" line="64" />
        <source>The file {path} could not be read: {reason}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/text.py" line="70" />
        <source>The file {path} is not valid UTF-8 text (byte 0x{byte:02x} at offset {offset}); if it is Latin-1 text, load it with encoding 'latin-1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/text.py" line="77" />
        <source>The file {path} contains only whitespace, no text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/text.py" line="84" />
        <source>The file {path} is UTF-16 text; save it as UTF-8 to use it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/text.py" line="87" />
        <source>The file {path} looks like a binary file (it contains NUL bytes), not text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/data/text.py" line="92" />
        <source>The file {path} looks like a binary file ({share:.0%} control characters), not text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/host.py" line="80" />
        <source>unknown command {name!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/host.py" line="101" />
        <source>There is no model to save yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/host.py" line="161" />
        <source>Loading checkpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/host.py" line="162" />
        <source>Building model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/live.py" line="190" />
        <location filename="../engine/host.py" line="232" />
        <source>{command} failed: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/gru.py" line="21" />
        <source>GRU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/gru.py" line="22" />
        <source>the gated recurrent unit of the book's appendix: update gate z, reset gate r, no cell state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/gru.py" line="24" />
        <source>update gate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/gru.py" line="25" />
        <source>reset gate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/gru.py" line="26" />
        <source>candidate state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/lstm.py" line="21" />
        <source>LSTM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/lstm.py" line="22" />
        <source>the long short-term memory of the book's chapter 6: gates f, i, o and a cell state c</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/peephole_lstm.py" line="26" />
        <location filename="../engine/layers/lstm.py" line="24" />
        <source>forget gate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/peephole_lstm.py" line="27" />
        <location filename="../engine/layers/lstm.py" line="25" />
        <source>new content</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/peephole_lstm.py" line="28" />
        <location filename="../engine/layers/lstm.py" line="26" />
        <source>input gate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/peephole_lstm.py" line="29" />
        <location filename="../engine/layers/lstm.py" line="27" />
        <source>output gate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/peephole_lstm.py" line="23" />
        <source>Peephole LSTM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/peephole_lstm.py" line="24" />
        <source>an LSTM whose gates also see the cell state (Gers and Schmidhuber, 2000)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/rnn.py" line="30" />
        <source>RNN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/layers/rnn.py" line="31" />
        <source>the plain recurrent cell of the book's chapter 5: h = tanh(x Wx + h_prev Wh + b)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="90" />
        <source>{key} must be a string, got {type}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="152" />
        <source>{path}: cannot read the lesson ({reason})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="155" />
        <source>{path}: not a lesson file (not UTF-8 text)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="160" />
        <source>{path}: not valid JSON (line {line}, column {column}: {reason})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="209" />
        <source>{key}: texts by language need version 2, got version {version}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="212" />
        <source>{key} must name at least one language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="216" />
        <source>{key}: {lang!r} is not a language code (such as "en" or "ja")</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="225" />
        <source>{key} must be a non-empty string, got {value!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="233" />
        <source>a lesson is a JSON object, got {type}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="236" />
        <source>missing key(s): {keys}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="239" />
        <source>unknown key(s): {keys}; known: {known}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="242" />
        <source>format must be {expected!r}, got {value!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="246" />
        <source>version must be a positive integer, got {value!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="249" />
        <source>version {version} is newer than this RNN Lab reads ({known})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="255" />
        <source>task must be one of {known}, got {value!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="262" />
        <source>panels must name at least one panel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="265" />
        <source>panels: the {panel!r} panel is for the {tasks} task(s), not {task!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="271" />
        <source>locked_controls: {names} already hidden (a control is hidden or locked)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="275" />
        <source>steps_hint must be a positive integer or null, got {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="284" />
        <source>pause_at must be a list of positive whole numbers (step counts), got {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="303" />
        <source>{key} must be a string or a list of strings (lines)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="315" />
        <source>a whole number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="315" />
        <source>a number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="316" />
        <source>true or false</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="317" />
        <source>a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="318" />
        <source>{label} must be {kind}, got {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="328" />
        <source>config must be an object of settings, got {type}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="333" />
        <source>config.{name}: set it with the lesson's top-level {name!r} key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="337" />
        <source>config.{name}: unknown setting; known: {known}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="345" />
        <source>{key} must be a list of names, got {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="349" />
        <source>{key}: unknown name {name!r}; known: {known}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/lessons.py" line="353" />
        <source>{key}: {names} listed twice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/live.py" line="137" />
        <source>Training stopped: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/live.py" line="149" />
        <source>Finished after {steps} steps ({epochs:.2f} epochs).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/live.py" line="163" />
        <source>Solved: exactly right on every validation example at step {step}. Training paused; press Play to train on, or untick 'Pause when solved'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/live.py" line="170" />
        <source>Paused at step {step}, as the lesson describes: read the next step of the lesson, then press Play to go on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/live.py" line="199" />
        <source>The run is finished ({steps} steps, {epochs:.2f} epochs): raise the step or epoch limit to continue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/memory.py" line="80" />
        <source>This model would need about {need} to train (mostly {part}: {part_need}) but only {available} is available; reduce the hidden size, batch, BPTT length or vocabulary.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/models/rnnlm.py" line="124" />
        <source>{cell} {size} tied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="141" />
        <source>seq2seq reversed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="142" />
        <source>peeky seq2seq</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="143" />
        <source>peeky seq2seq reversed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="144" />
        <source>attention seq2seq</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="145" />
        <source>bidirectional seq2seq</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="150" />
        <source>tied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="150" />
        <source>val share</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="151" />
        <source>decay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="151" />
        <source>init std</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="168" />
        <source>{layers}-layer {model}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="175" />
        <source>built-in data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="176" />
        <source>data {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="178" />
        <source>not {setting}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/runs.py" line="196" />
        <source>+{n} more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="41" />
        <source>Binary adder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="42" />
        <source>Two numbers below 128 are fed in bit by bit, least significant first; after each pair of bits the network outputs one bit of the sum. It must learn to carry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="76" />
        <location filename="../engine/tasks/adder.py" line="56" />
        <source>init must be one of {known}, got {value!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="73" />
        <source>use the sigmoid/tanh activation (relu lets the recurrence blow up)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="106" />
        <source>the binary adder has no {split!r} split; it evaluates on all pairs ('val')</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="164" />
        <source>{a} + {b} = {sum} (predicted {pred})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="176" />
        <source>built-in: all pairs a, b &lt; 128</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="183" />
        <source>{task} · {cell} {hidden} ({activation}) · {params} parameters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="186" />
        <source>{task} · {cell} {hidden} · {params} parameters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/base.py" line="102" />
        <source>The {task}'s model must be one of {known}, not {model!r}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/base.py" line="190" />
        <source>the {task} task does not generate text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/base.py" line="221" />
        <source>{task} · {params} parameters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="34" />
        <source>built-in: {n} texts written for RNN Lab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="35" />
        <source>built-in (Japanese): {n} texts written for RNN Lab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="42" />
        <source>Character LM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="43" />
        <source>Reads text one character at a time and predicts the next character.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="44" />
        <source>Open a text file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="55" />
        <location filename="../engine/tasks/char.py" line="46" />
        <source>characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="48" />
        <source>Simple RNN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="55" />
        <source>Tiny Shakespeare (fast) — LSTM 128</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="68" />
        <source>text file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="73" />
        <source>The built-in texts are missing: reinstall RNN Lab (pip install --force-reinstall rnn-lab) or open a text file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="84" />
        <source>The saved vocabulary is not a character vocabulary (it holds {token!r}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="92" />
        <source>The text contains {char!r} (line {line}), which is not among the model's {n} characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="56" />
        <source>The training split has {n} {units}, too few to learn from; use a longer text or a smaller val_fraction.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="62" />
        <source>The text is short ({n} training {units}), so training uses batch {batch} × BPTT {bptt} instead of {config_batch} × {config_bptt}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="68" />
        <source>The {split} split has {n} {units}, too few to evaluate; raise val_fraction or use a longer text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="111" />
        <source>Tied weights need the embedding size to equal the hidden size (embed {embed}, hidden {hidden}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="139" />
        <source>The {task} has no {split!r} split (val_fraction is 0); it has {have}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="141" />
        <source>The {task} has no {split!r} split; it has {have}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="206" />
        <source>{split} passage {index} ({units} {start}-{end}): loss {loss:.3f} nats per token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="252" />
        <source>The sample length must be between 0 and {most}, got {length}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="255" />
        <source>top_k must be 0 (all tokens) or more, got {top_k}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="311" />
        <source>{task} · {model} · {vocab} {units} in the vocabulary · {train} training {units} · {params} parameters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="34" />
        <source>Word LM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="35" />
        <source>Reads text one word at a time and predicts the next word (the book's chapters 5–6).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="37" />
        <source>Open a text file or PTB folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="40" />
        <source>words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="46" />
        <location filename="../engine/tasks/lm.py" line="42" />
        <source>Simple — SimpleRnnlm, ch. 5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="52" />
        <location filename="../engine/tasks/lm.py" line="43" />
        <source>Better — 2×LSTM, dropout, tied, ch. 6</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="49" />
        <source>Rnnlm — LSTM, ch. 6</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="67" />
        <source>built-in: generated sentences</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="75" />
        <source>The word {word!r} is not in the saved vocabulary, which has no {unk}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="51" />
        <source>Seq2seq</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="52" />
        <source>An encoder reads a question (e.g. 57+243), a decoder writes the answer character by character (the book's chapters 7–8).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="54" />
        <source>Open a question_answer file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="59" />
        <source>Seq2seq, ch. 7</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="60" />
        <source>Reversed input</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="61" />
        <source>Peeky decoder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="62" />
        <source>Reversed + peeky</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="63" />
        <source>Attention, ch. 8</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="64" />
        <source>Bidirectional encoder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="79" />
        <source>the bidirectional encoder splits hidden units between two directions: hidden &gt;= 2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="145" />
        <source>the seq2seq task has no {split!r} split; it has {have}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="216" />
        <source>{question} → {answer} (teacher forcing)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="244" />
        <source>{task} · {model} · {cell} {hidden} · {source} · {vocab} characters · {params} parameters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/trainer.py" line="187" />
        <source>the loss</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/trainer.py" line="188" />
        <source>the gradient norm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/trainer.py" line="189" />
        <source>a parameter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/trainer.py" line="190" />
        <source>lower the learning rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/trainer.py" line="191" />
        <source>lower the learning rate or turn on gradient clipping (e.g. clip 5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/trainer.py" line="194" />
        <source>{hint}, or {task_hint}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../engine/trainer.py" line="196" />
        <source>Training diverged at step {step}: {what} became NaN/Inf (lr {lr:g}). Restored the parameters of step {restored}; {hint}.</source>
        <translation type="unfinished" />
    </message>
</context></TS>
