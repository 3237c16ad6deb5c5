<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en_US">
    <context>
    <name>About</name>
    <message>
        <location filename="../gui/dialogs.py" line="45" />
        <source>About RNN Lab</source>
        <translation>RNN Lab について</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="47" />
        <source>Watch recurrent neural networks learn, live: the binary adder, character and word language models and sequence-to-sequence models of &lt;i&gt;Deep Learning from Scratch 2&lt;/i&gt;, trained by a pure-NumPy engine you can read line by line.</source>
        <translation>リカレントニューラルネットワークが学習する様子を、その場で観察できます。『ゼロから作るDeep Learning ❷』の2進数の足し算、文字単位・単語単位の言語モデル、seq2seq モデルを、1行ずつ読める NumPy だけのエンジンで学習します。</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="53" />
        <source>MIT licence.</source>
        <translation>MIT ライセンス。</translation>
    </message>
</context><context>
    <name>AccuracyCurve</name>
    <message>
        <location filename="../gui/widgets/accuracy_curve.py" line="35" />
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../gui/widgets/accuracy_curve.py" line="36" />
        <source>accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <location filename="../gui/widgets/accuracy_curve.py" line="43" />
        <source>batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <location filename="../gui/widgets/accuracy_curve.py" line="47" />
        <source>validation</source>
        <translation>検証</translation>
    </message>
</context><context>
    <name>ActivationsPanel</name>
    <message>
        <location filename="../gui/panels/activations.py" line="40" />
        <source>hidden state</source>
        <translation>隠れ状態</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="43" />
        <location filename="../gui/panels/activations.py" line="41" />
        <source>cell state</source>
        <translation>記憶セル</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="90" />
        <source>Which example to look inside (the same one every frame)</source>
        <translation>中を調べる例（毎回同じ例を使います）</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="94" />
        <source>Layer</source>
        <translation>レイヤ</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="146" />
        <location filename="../gui/panels/activations.py" line="95" />
        <source>Waiting for a trace: start or step training.</source>
        <translation>記録を待っています。学習を開始するか、1ステップ進めてください。</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="98" />
        <source>Hover over a heatmap to read a value; click a cell to see its equations with their numbers, or drag the cursor to pick a step.</source>
        <translation>ヒートマップにマウスを重ねると値が読めます。セルをクリックするとその式と数値を表示し、カーソルをドラッグするとステップを選べます。</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="109" />
        <source>Example #</source>
        <translation>例の番号</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="160" />
        <source>Heatmap {key}: {name} ({layer})</source>
        <translation>ヒートマップ {key}: {name}（{layer}）</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="163" />
        <source>All heatmaps and gradient flow</source>
        <translation>すべてのヒートマップと勾配の流れ</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="165" />
        <source>Gradient flow through time</source>
        <translation>時間をさかのぼる勾配の流れ</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="167" />
        <source>Equations at unit %1, t = %2</source>
        <translation>ユニット %1、t = %2 の式</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="282" />
        <source>⚠ non-finite values drawn as 0 ({counts})</source>
        <translation>⚠ 有限でない値を 0 として描画（{counts}）</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="292" />
        <source>(colours: fixed scales, the cell state's range adapts)</source>
        <translation>（色: 固定の目盛り。記憶セルの範囲だけは値に合わせて変わります）</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="330" />
        <source>Gradient flowing back through time (log scale)</source>
        <translation>時間をさかのぼって流れる勾配（対数目盛り）</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="413" />
        <source>Cursor: t = {t} “{token}”</source>
        <translation>カーソル: t = {t}「{token}」</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="416" />
        <source>  → next “{token}”, predicted with p = {p:.3f}</source>
        <translation>  → 次は「{token}」、予測確率 p = {p:.3f}</translation>
    </message>
</context><context>
    <name>AdderPanel</name>
    <message>
        <location filename="../gui/panels/adder_view.py" line="151" />
        <source>Shade of a predicted bit = the network's P(bit = 1) (number below it);  red outline = wrong bit.</source>
        <translation>予測ビットの濃さ = ネットワークが出した P(ビット = 1)（下の数値）。赤い枠 = 間違ったビット。</translation>
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="154" />
        <source>New example</source>
        <translation>次の例</translation>
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="217" />
        <location filename="../gui/panels/adder_view.py" line="162" />
        <source>predicted {sum}</source>
        <translation>予測 {sum}</translation>
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="197" />
        <location filename="../gui/panels/adder_view.py" line="163" />
        <source>Step {step}: exact match on all 16,384 pairs {accuracy:.1%}</source>
        <translation>ステップ {step}: 全 16,384 組での完全一致率 {accuracy:.1%}</translation>
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="168" />
        <source>all 16,384 pairs</source>
        <translation>全 16,384 組</translation>
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="169" />
        <source>exact-match accuracy</source>
        <translation>完全一致の正解率</translation>
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="195" />
        <source>   ·   bits right: {share:.1%}</source>
        <translation>   ·   正しいビット: {share:.1%}</translation>
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="202" />
        <source>Adder example (bits)</source>
        <translation>足し算の例（ビット）</translation>
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="202" />
        <source>Adder panel</source>
        <translation>足し算のパネル</translation>
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="203" />
        <source>Accuracy curve</source>
        <translation>正解率の曲線</translation>
    </message>
</context><context>
    <name>App</name>
    <message>
        <location filename="../gui/app.py" line="334" />
        <source>RNN Lab: unexpected error</source>
        <translation>RNN Lab: 予期しないエラー</translation>
    </message>
    <message>
        <location filename="../gui/app.py" line="335" />
        <source>{error}

The window keeps running. The details were written to {log}.</source>
        <translation>{error}

ウィンドウはこのまま使えます。詳細は {log} に書き出しました。</translation>
    </message>
</context><context>
    <name>Autosave</name>
    <message>
        <location filename="../gui/autosave.py" line="130" />
        <source>The last autosave could not be restored: {why}. It was moved to {target}, and RNN Lab started without it.</source>
        <translation>前回の自動保存を復元できませんでした: {why}。ファイルは {target} に移し、RNN Lab はそれを使わずに起動しました。</translation>
    </message>
    <message>
        <location filename="../gui/autosave.py" line="133" />
        <source>The last autosave could not be restored: {why}. It stays at {path} (it could not be moved), and RNN Lab started without it.</source>
        <translation>前回の自動保存を復元できませんでした: {why}。ファイルは {path} に残っています（移動できませんでした）。RNN Lab はそれを使わずに起動しました。</translation>
    </message>
    <message>
        <location filename="../gui/autosave.py" line="164" />
        <source>RNN Lab saved your last {task} run at step {step} ({when} UTC). Restore it, or start fresh with the binary adder and every task's default settings?</source>
        <translation>RNN Lab は前回の「{task}」の学習をステップ {step} の時点で保存しました（{when} UTC）。復元しますか？ それとも、2進数の足し算とすべてのタスクの既定の設定で新しく始めますか？</translation>
    </message>
    <message>
        <location filename="../gui/autosave.py" line="167" />
        <source>RNN Lab saved your last {task} run at step {step}. Restore it, or start fresh with the binary adder and every task's default settings?</source>
        <translation>RNN Lab は前回の「{task}」の学習をステップ {step} の時点で保存しました。復元しますか？ それとも、2進数の足し算とすべてのタスクの既定の設定で新しく始めますか？</translation>
    </message>
    <message>
        <location filename="../gui/autosave.py" line="173" />
        <source>Restore the last session?</source>
        <translation>前回の続きから始めますか？</translation>
    </message>
    <message>
        <location filename="../gui/autosave.py" line="174" />
        <source>Restore</source>
        <translation>復元する</translation>
    </message>
    <message>
        <location filename="../gui/autosave.py" line="175" />
        <source>Start fresh</source>
        <translation>新しく始める</translation>
    </message>
</context><context>
    <name>Banner</name>
    <message>
        <location filename="../gui/widgets/banner.py" line="11" />
        <source>Training diverged.</source>
        <translation>学習が発散しました。</translation>
    </message>
    <message>
        <location filename="../gui/widgets/banner.py" line="12" />
        <source>Something went wrong.</source>
        <translation>問題が起きました。</translation>
    </message>
    <message>
        <location filename="../gui/widgets/banner.py" line="27" />
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context><context>
    <name>BitsView</name>
    <message>
        <location filename="../gui/panels/adder_view.py" line="67" />
        <source>predicted</source>
        <translation>予測</translation>
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="82" />
        <source>Waiting for an example: start or step training.</source>
        <translation>例を待っています。学習を開始するか、1ステップ進めてください。</translation>
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="128" />
        <source>← the network reads the bits right to left (least significant first)</source>
        <translation>← ネットワークはビットを右から左へ読みます（下位ビットから）</translation>
    </message>
</context><context>
    <name>Controller</name>
    <message>
        <location filename="../gui/controller.py" line="329" />
        <source>The training process stopped unexpectedly ({how}).</source>
        <translation>学習プロセスが予期せず停止しました（{how}）。</translation>
    </message>
    <message>
        <location filename="../gui/controller.py" line="332" />
        <source>The training thread stopped unexpectedly ({error}).</source>
        <translation>学習スレッドが予期せず停止しました（{error}）。</translation>
    </message>
    <message>
        <location filename="../gui/controller.py" line="342" />
        <source>Starting a fresh one with the same settings; steps since the last save or autosave are lost.</source>
        <translation>同じ設定で新しく始めます。最後の保存（または自動保存）以降のステップは失われました。</translation>
    </message>
    <message>
        <location filename="../gui/controller.py" line="345" />
        <source>It was killed several times in a minute, so it was not restarted: try smaller settings (hidden size, batch, BPTT length or vocabulary), then Reset.</source>
        <translation>1 分間に何度も強制終了されたため、再起動しませんでした。設定を小さくして（隠れ状態のサイズ、バッチ、BPTT 長、語彙）、リセットしてください。</translation>
    </message>
    <message>
        <location filename="../gui/controller.py" line="348" />
        <source>It failed several times in a minute, so it was not restarted (its error, if it printed one, is in the terminal RNN Lab was started from): change the settings or the data, then Reset.</source>
        <translation>1 分間に何度も失敗したため、再起動しませんでした（エラーが出力されていれば、RNN Lab を起動した端末に表示されています）。設定かデータを変えて、リセットしてください。</translation>
    </message>
</context><context>
    <name>CurvePlots</name>
    <message>
        <location filename="../gui/curve_plots.py" line="54" />
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../gui/curve_plots.py" line="60" />
        <source>train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../gui/curve_plots.py" line="63" />
        <source>validation</source>
        <translation>検証</translation>
    </message>
    <message>
        <location filename="../gui/curve_plots.py" line="78" />
        <source>clip</source>
        <translation>クリッピング</translation>
    </message>
    <message>
        <location filename="../gui/curve_plots.py" line="95" />
        <source>Loss (cross-entropy, nats)</source>
        <translation>損失（交差エントロピー、nats）</translation>
    </message>
    <message>
        <location filename="../gui/curve_plots.py" line="97" />
        <source>Gradient norm (before clipping)</source>
        <translation>勾配のノルム（クリッピング前）</translation>
    </message>
    <message>
        <location filename="../gui/curve_plots.py" line="98" />
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
</context><context>
    <name>CurvesPanel</name>
    <message>
        <location filename="../gui/panels/curves.py" line="47" />
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="48" />
        <source>training time (s)</source>
        <translation>学習時間（秒）</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="49" />
        <source>wall clock</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="262" />
        <location filename="../gui/panels/curves.py" line="74" />
        <source>current run</source>
        <translation>現在の実行</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="84" />
        <source>Exponential moving average of the step values (debiased, as in TensorBoard)</source>
        <translation>ステップごとの値の指数移動平均（TensorBoard と同じくバイアス補正あり）</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="88" />
        <source>Log scale</source>
        <translation>対数目盛り</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="89" />
        <source>Logarithmic y axis for loss, perplexity and gradient norm</source>
        <translation>損失、パープレキシティ、勾配のノルムの縦軸を対数にします</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="92" />
        <source>Smoothing</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="97" />
        <source>Ignore outliers</source>
        <translation>外れ値を無視</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="98" />
        <source>Y ranges from the 1st to the 99th percentile of the curves drawn, so a spike does not flatten everything else</source>
        <translation>縦軸の範囲を描いた曲線の 1〜99 パーセンタイルにします。一度の突出で他が平らに潰れません</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="106" />
        <source>What these curves show, and where the book explains them</source>
        <translation>これらの曲線が示すもの、本書で説明している箇所</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="126" />
        <source>x: step</source>
        <translation>x: ステップ</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="126" />
        <source>x: training time</source>
        <translation>x: 学習時間</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="127" />
        <source>x: wall clock</source>
        <translation>x: 時刻</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="129" />
        <source>X axis: the step; the training time since the run started (pauses excluded), to compare runs by compute; or the wall clock</source>
        <translation>横軸: ステップ、学習開始からの学習時間（一時停止を除く。計算量で比べるため）、または時刻</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="132" />
        <source>Press Space to start training</source>
        <translation>スペースキーで学習を開始</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="203" />
        <source>diverged</source>
        <translation>発散</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="212" />
        <source>Curves: all plots</source>
        <translation>曲線: すべてのグラフ</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="212" />
        <source>Curves: loss</source>
        <translation>曲線: 損失</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="213" />
        <source>Curves: {metric}</source>
        <translation>曲線: {metric}</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="214" />
        <source>Curves: gradient norm</source>
        <translation>曲線: 勾配のノルム</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="214" />
        <source>Curves: learning rate</source>
        <translation>曲線: 学習率</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="265" />
        <source>{run} (train)</source>
        <translation>{run}（訓練）</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="266" />
        <source>train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="267" />
        <source>{run} (validation)</source>
        <translation>{run}（検証）</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="268" />
        <source>validation</source>
        <translation>検証</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="443" />
        <source>step {step}</source>
        <translation>ステップ {step}</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="445" />
        <source>loss {loss} (smoothed {smoothed})</source>
        <translation>損失 {loss}（平滑化 {smoothed}）</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="453" />
        <source>val loss {loss} {metric} {value} @ {step}</source>
        <translation>検証損失 {loss}　{metric} {value}（ステップ {step}）</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="457" />
        <source>lr {value}</source>
        <translation>学習率 {value}</translation>
    </message>
</context><context>
    <name>DockTitle</name>
    <message>
        <location filename="../gui/dock_title.py" line="25" />
        <source>What this view shows, and where the book explains it</source>
        <translation>このビューが示すもの、本書で説明している箇所</translation>
    </message>
    <message>
        <location filename="../gui/dock_title.py" line="27" />
        <source>Float or dock this view</source>
        <translation>このビューを切り離す／戻す</translation>
    </message>
    <message>
        <location filename="../gui/dock_title.py" line="29" />
        <source>Hide this view (View menu shows it again)</source>
        <translation>このビューを隠す（「表示」メニューで再表示できます）</translation>
    </message>
</context><context>
    <name>Equations</name>
    <message>
        <location filename="../gui/equation_html.py" line="182" />
        <source>(from the output at &lt;i&gt;t&lt;/i&gt;) + (from step &lt;i&gt;t&lt;/i&gt;+1)</source>
        <translation>（時刻 &lt;i&gt;t&lt;/i&gt; の出力から）+（ステップ &lt;i&gt;t&lt;/i&gt;+1 から）</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="184" />
        <source>This is the last step of the example: nothing comes back from later steps (truncated backpropagation through time).</source>
        <translation>この例の最後のステップです。後のステップからは何も戻ってきません（Truncated BPTT）。</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="190" />
        <source>Forward: the plain RNN (chapter 5)</source>
        <translation>順伝播: 素の RNN（5 章）</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="252" />
        <location filename="../gui/equation_html.py" line="193" />
        <source>Backward: the gradient of this unit in the last backward pass</source>
        <translation>逆伝播: 直前の逆伝播でのこのユニットの勾配</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="200" />
        <source>The activation's slope scales the gradient at every step; below 1, it shrinks on its way back (the vanishing gradient, chapter 6.1).</source>
        <translation>活性化関数の傾きが毎ステップ勾配に掛かります。1 より小さいと、さかのぼるうちに小さくなります（勾配消失、6.1 節）。</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="239" />
        <location filename="../gui/equation_html.py" line="202" />
        <source>%1 from this step</source>
        <translation>このステップからの %1</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="207" />
        <source>Forward: the peephole LSTM (Gers and Schmidhuber, 2000)</source>
        <translation>順伝播: のぞき穴（peephole）付き LSTM（Gers と Schmidhuber、2000）</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="208" />
        <source>Forward: the LSTM (chapter 6.3)</source>
        <translation>順伝播: LSTM（6.3 節）</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="221" />
        <source>Backward: the gradient through the memory cell in the last backward pass (chapter 6.2)</source>
        <translation>逆伝播: 直前の逆伝播で記憶セルを通る勾配（6.2 節）</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="226" />
        <source>%1 + the term through o's peephole</source>
        <translation>%1 + o ののぞき穴を通る項</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="234" />
        <source>The forget gate of step t+1 let %1 % of the gradient of c&lt;sub&gt;t+1&lt;/sub&gt; through to c&lt;sub&gt;t&lt;/sub&gt;: the constant error carousel.</source>
        <translation>ステップ t+1 の忘却ゲートが c&lt;sub&gt;t+1&lt;/sub&gt; の勾配の %1 % を c&lt;sub&gt;t&lt;/sub&gt; へ通しました。これが CEC（Constant Error Carousel）です。</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="237" />
        <source>Nothing flows into c&lt;sub&gt;t&lt;/sub&gt; from a later step: this is the last step of the example.</source>
        <translation>後のステップから c&lt;sub&gt;t&lt;/sub&gt; へ流れ込むものはありません。この例の最後のステップです。</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="240" />
        <source>%1 + the terms through the peepholes</source>
        <translation>%1 + のぞき穴を通る項</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="246" />
        <source>Forward: the GRU (the book's appendix C)</source>
        <translation>順伝播: GRU（本書の付録 C）</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="254" />
        <source>%1 straight through</source>
        <translation>そのまま通る %1</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="256" />
        <source>The part 1 − z of the gradient goes straight to h&lt;sub&gt;t−1&lt;/sub&gt;, past every weight matrix: the GRU's way around the vanishing gradient.</source>
        <translation>勾配のうち 1 − z の部分は、どの重み行列も通らずに h&lt;sub&gt;t−1&lt;/sub&gt; へそのまま届きます。これが GRU の勾配消失への対策です。</translation>
    </message>
    <message>
        <location filename="../gui/equation_html.py" line="258" />
        <source>%1 from this step, all paths</source>
        <translation>このステップからの %1（すべての経路）</translation>
    </message>
</context><context>
    <name>EquationsView</name>
    <message>
        <location filename="../gui/widgets/equations_view.py" line="29" />
        <source>Equations</source>
        <translation>式</translation>
    </message>
    <message>
        <location filename="../gui/widgets/equations_view.py" line="34" />
        <source>t = </source>
        <translation>t = </translation>
    </message>
    <message>
        <location filename="../gui/widgets/equations_view.py" line="35" />
        <source>unit </source>
        <translation>ユニット </translation>
    </message>
    <message>
        <location filename="../gui/widgets/equations_view.py" line="36" />
        <source>The timestep (the time cursor of the heatmaps follows)</source>
        <translation>タイムステップ（ヒートマップの時刻カーソルも動きます）</translation>
    </message>
    <message>
        <location filename="../gui/widgets/equations_view.py" line="37" />
        <source>The unit (a row of the heatmaps)</source>
        <translation>ユニット（ヒートマップの行）</translation>
    </message>
    <message>
        <location filename="../gui/widgets/equations_view.py" line="44" />
        <source>Close the equations</source>
        <translation>式を閉じる</translation>
    </message>
    <message>
        <location filename="../gui/widgets/equations_view.py" line="49" />
        <source>Waiting for the next trace with the equations' numbers…</source>
        <translation>式の数値を含む次のトレースを待っています…</translation>
    </message>
    <message>
        <location filename="../gui/widgets/equations_view.py" line="76" />
        <source>%1 · unit %2 · t = %3, input “%4”</source>
        <translation>%1 · ユニット %2 · t = %3、入力「%4」</translation>
    </message>
</context><context>
    <name>Export</name>
    <message>
        <location filename="../gui/export.py" line="43" />
        <source>could not write {path}</source>
        <translation>{path} を書き出せませんでした</translation>
    </message>
    <message>
        <location filename="../gui/export.py" line="44" />
        <source>could not write {path}: {reason}</source>
        <translation>{path} を書き出せませんでした: {reason}</translation>
    </message>
    <message>
        <location filename="../gui/export.py" line="66" />
        <source>{what} cannot be exported as {format}</source>
        <translation>{what} は {format} で書き出せません</translation>
    </message>
    <message>
        <location filename="../gui/export.py" line="80" />
        <source>nothing was written</source>
        <translation>何も書き出されませんでした</translation>
    </message>
    <message>
        <location filename="../gui/export.py" line="95" />
        <source>the plot has no size (is it shown?)</source>
        <translation>グラフの大きさがありません（表示されていますか？）</translation>
    </message>
    <message>
        <location filename="../gui/export.py" line="124" />
        <source>the plot has no data yet</source>
        <translation>グラフにまだデータがありません</translation>
    </message>
    <message>
        <location filename="../gui/export.py" line="199" />
        <source>the widget has no size (is it shown?)</source>
        <translation>ウィジェットの大きさがありません（表示されていますか？）</translation>
    </message>
</context><context>
    <name>ExportDialog</name>
    <message>
        <location filename="../gui/dialogs.py" line="41" />
        <source>Whole window</source>
        <translation>ウィンドウ全体</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="86" />
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="99" />
        <source>What</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="100" />
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="101" />
        <source>PNG width</source>
        <translation>PNG の幅</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="102" />
        <source>SVG keeps curves sharp at any size; heatmaps export best as PNG. CSV holds the data.</source>
        <translation>SVG はどの大きさでも曲線がくっきりします。ヒートマップは PNG がきれいです。CSV にはデータが入ります。</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="106" />
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
</context><context>
    <name>FileDialogs</name>
    <message>
        <location filename="../gui/file_dialogs.py" line="31" />
        <source>Choose the PTB folder (ptb.train.txt, ptb.valid.txt, ptb.test.txt)</source>
        <translation>PTB のフォルダを選んでください（ptb.train.txt、ptb.valid.txt、ptb.test.txt）</translation>
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="35" />
        <source>Open data for the {task} task</source>
        <translation>「{task}」のデータを開く</translation>
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="43" />
        <source>Text files (*.txt);;All files (*)</source>
        <translation>テキストファイル (*.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="49" />
        <source>Save checkpoint</source>
        <translation>チェックポイントを保存</translation>
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="51" />
        <source>RNN Lab checkpoints (*.npz)</source>
        <translation>RNN Lab のチェックポイント (*.npz)</translation>
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="63" />
        <source>Load checkpoint</source>
        <translation>チェックポイントを読み込む</translation>
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="64" />
        <source>RNN Lab checkpoints (*.npz);;All files (*)</source>
        <translation>RNN Lab のチェックポイント (*.npz);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="65" />
        <source>Loading a checkpoint replaces the model.</source>
        <translation>チェックポイントを読み込むと、今のモデルは置き換わります。</translation>
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="74" />
        <source>Where is the data of this checkpoint now? (was {path})</source>
        <translation>このチェックポイントのデータは今どこにありますか？（以前は {path}）</translation>
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="91" />
        <source>Export {what}</source>
        <translation>{what} をエクスポート</translation>
    </message>
    <message>
        <location filename="../gui/file_dialogs.py" line="101" />
        <source>Exported {what} to {path}</source>
        <translation>{what} を {path} に書き出しました</translation>
    </message>
</context><context>
    <name>Guide</name>
    <message>
        <location filename="../gui/guide.py" line="19" />
        <source>Training curves</source>
        <translation>学習曲線</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="20" />
        <source>The loss is the mean cross-entropy of each training batch, drawn faint, with a smoothed line over it; the orange points are the validation loss on text the network never trains on. When the training loss keeps falling while the validation loss rises, the network is memorising: that is overfitting. Perplexity is exp(loss): the number of choices the model is as unsure as.</source>
        <translation>損失は訓練データの各バッチの交差エントロピーの平均で、薄い線で描き、その上に平滑化した線を重ねています。オレンジの点は、ネットワークが学習に使わない文章での検証損失です。訓練の損失が下がり続けているのに検証の損失が上がるなら、ネットワークは丸暗記を始めています。それが過学習です。パープレキシティは exp(損失) で、モデルが「いくつの候補から迷っているのと同じくらい迷っているか」を表します。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="26" />
        <source>Chapter 5.5.3 (evaluating a language model: perplexity); chapter 6.5.2 (overfitting and dropout); gradient norm and clipping: chapter 6.1.4.</source>
        <translation>5.5.3 節（言語モデルの評価: パープレキシティ）、6.5.2 節（過学習と Dropout）、勾配のノルムと勾配クリッピング: 6.1.4 節。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="29" />
        <source>Inside the network</source>
        <translation>ネットワークの内部</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="30" />
        <source>Each heatmap shows one quantity of one example over time: a column per timestep, a row per unit. For an LSTM, the forget gate f, the input gate i and the output gate o are between 0 and 1, and decide what the memory cell c keeps, takes in and shows. The plot below them is the size of the gradient that reaches each timestep on its way back through time: flat when it vanishes. Click a cell of a heatmap to open the Equations view: the book's equations of that unit at that step, with the network's numbers written in, forward and in the last backward pass.</source>
        <translation>各ヒートマップは 1 つの例の 1 つの量を時間に沿って示します。列がタイムステップ、行がユニットです。LSTM では忘却ゲート f、入力ゲート i、出力ゲート o は 0 から 1 の間の値をとり、記憶セル c が何を保ち、何を取り込み、何を見せるかを決めます。その下のグラフは、時間をさかのぼる途中で各タイムステップに届く勾配の大きさで、勾配消失のときは平らになります。ヒートマップのセルをクリックすると「式」ビューが開き、そのユニットのそのステップでの本書の式に、ネットワークの実際の数値（順伝播と直前の逆伝播）を書き込んで示します。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="38" />
        <source>Gradient flow: chapter 6.1 (vanishing and exploding gradients); the gates: chapter 6.2 (LSTM); the gradient through the memory cell: chapter 6.2.5; the time layers: chapter 5.3.</source>
        <translation>勾配の流れ: 6.1 節（勾配消失と勾配爆発）、ゲート: 6.2 節（LSTM）、記憶セルを通る勾配: 6.2.5 節、Time レイヤ: 5.3 節。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="42" />
        <source>Gate saturation</source>
        <translation>ゲートの飽和</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="43" />
        <source>One dot per unit, placed by how often its gates are nearly closed and nearly open. A forget gate that is almost always open lets the cell's memory, and its gradient, pass through many steps.</source>
        <translation>ユニットごとに1つの点を、そのゲートがほぼ閉じている頻度と、ほぼ開いている頻度の位置に置きます。ほとんどいつも開いている忘却ゲートは、記憶セルの記憶とその勾配を、何ステップも先まで通します。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="46" />
        <source>Chapter 6.2.5 (why the LSTM's gradient does not vanish); the GRU's gates: appendix C.</source>
        <translation>6.2.5 節（LSTM で勾配消失が起きにくい理由）、GRU のゲート: 付録 C。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="49" />
        <source>Recurrent weights</source>
        <translation>再帰の重み</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="50" />
        <source>The matrix Wh carries the hidden state from one step to the next. Its spectral radius (its largest eigenvalue's size) says what repeating it does: below 1 signals and gradients shrink over the steps, above 1 some can grow. The radius is recorded throughout training, whether or not this view is on screen.</source>
        <translation>行列 Wh は隠れ状態を次の時刻へ運びます。そのスペクトル半径（固有値の絶対値の最大値）は、Wh を繰り返し掛けると何が起きるかを表します。1 より小さければ信号も勾配も時刻とともに縮み、1 より大きければ大きくなる方向があります。スペクトル半径は、このビューが画面になくても学習中ずっと記録しています。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="55" />
        <source>Chapter 6.1.3 (why gradients vanish or explode: repeated multiplication by Wh).</source>
        <translation>6.1.3 節（勾配消失・勾配爆発の原因: Wh の繰り返しの乗算）。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="58" />
        <source>Prompt and sampling</source>
        <translation>プロンプトとサンプリング</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="59" />
        <source>The model gives a probability to every possible next character or word; sampling draws one, feeds it back in, and repeats. The temperature sharpens (below 1) or flattens (above 1) those probabilities before the draw, and top-k keeps only the k most likely.</source>
        <translation>モデルは次に来うるすべての文字（または単語）に確率を与えます。サンプリングはそこから1つを選び、それを入力に戻して、これを繰り返します。温度は選ぶ前に確率の分布を鋭く（1 未満）または平らに（1 より上）し、top-k は確率の高い上位 k 個だけを残します。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="63" />
        <source>Chapter 7.1 (generating text with an RNN language model).</source>
        <translation>7.1 節（RNN の言語モデルによる文章生成）。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="65" />
        <source>Text coloured by a unit</source>
        <translation>ユニットで色分けした文章</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="66" />
        <source>The text behind a trace, each character shaded by one hidden unit's value when the network read it. Some units track something you can name: a quote that is open, the position in a line, the end of a word.</source>
        <translation>記録した文章の各文字を、ネットワークがそれを読んだときの、ある隠れユニットの値で色づけします。名前を付けられるものを追っているユニットもあります。かぎかっこの中にいるか、行のどこにいるか、語の終わりか、などです。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="69" />
        <source>Chapter 5.2 (the hidden state as the network's memory of what it has read).</source>
        <translation>5.2 節（読んだものを覚えておく、ネットワークの記憶としての隠れ状態）。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="72" />
        <source>Samples over training</source>
        <translation>学習中のサンプルの推移</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="73" />
        <source>The same prompt sampled again every so often while the model trains, so the text's progress from noise to words can be read step by step.</source>
        <translation>学習中に同じプロンプトから一定の間隔でサンプリングし直します。でたらめな文字列が言葉になっていく過程を、順を追って読めます。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="75" />
        <source>Chapter 7.1 (text generation) and chapter 6.4 (the LSTM language model).</source>
        <translation>7.1 節（文章生成）と 6.4 節（LSTM を使った言語モデル）。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="77" />
        <source>Word vectors</source>
        <translation>単語ベクトル</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="78" />
        <source>Every word the language model reads is a vector, a row of its embedding matrix. Words used in similar places end up pointing in similar directions: type a word to see its nearest words by cosine similarity, or an analogy such as buy − bought + sold. The map places the 300 most frequent words along the two directions in which their vectors vary most (PCA), and rearranges itself as training goes on.</source>
        <translation>言語モデルが読む単語はそれぞれベクトル、つまり埋め込み行列の 1 行です。似た場所で使われる単語は似た方向を向くようになります。単語を入力するとコサイン類似度で最も近い単語を、buy − bought + sold のような類推も調べられます。マップは最も頻度の高い 300 語を、ベクトルが最も大きくばらつく 2 つの方向（PCA）に並べたもので、学習が進むにつれて並び直します。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="84" />
        <source>Distributed representations and cosine similarity: chapters 2.3 and 2.4; word2vec and analogies: chapters 3 and 4.4; the embedding of the language model and weight tying: chapters 5.5 and 6.5.</source>
        <translation>分散表現とコサイン類似度: 2.3 節と 2.4 節、word2vec と類推問題: 3 章と 4.4 節、言語モデルの埋め込みと重み共有: 5.5 節と 6.5 節。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="88" />
        <source>Binary adder</source>
        <translation>2進数の足し算</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="89" />
        <source>The network reads two 8-bit numbers one bit pair per step, least significant first, and writes their sum one bit per step. Each sum bit needs the carry from the step before, which is not in the input: the network has to keep it in its hidden state.</source>
        <translation>ネットワークは 8 ビットの数 2 つを、下位ビットから 1 ステップに 1 組ずつ読み、その和を 1 ステップに 1 ビットずつ書きます。和の各ビットには前のステップからの繰り上がりが必要ですが、それは入力には含まれていません。ネットワークは繰り上がりを隠れ状態に覚えておかなければなりません。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="93" />
        <source>Chapter 5.2 (an RNN's hidden state carries information from step to step).</source>
        <translation>5.2 節（RNN の隠れ状態は時刻から時刻へ情報を運ぶ）。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="96" />
        <source>Seq2seq and attention</source>
        <translation>seq2seq と Attention</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="97" />
        <source>An encoder reads the question and a decoder writes the answer one character at a time. With attention, each row of the heatmap shows which question characters the decoder looked at while writing one answer character.</source>
        <translation>エンコーダが問題文を読み、デコーダが答えを1文字ずつ書きます。Attention があれば、ヒートマップの各行は、デコーダが答えの1文字を書くときに問題文のどの文字に注目したかを示します。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="101" />
        <source>Seq2seq: chapter 7.2; reversed input and peeky: chapter 7.4; attention: chapter 8.1; bidirectional encoders: chapter 8.4.1.</source>
        <translation>seq2seq: 7.2 節、入力データの反転と Peeky: 7.4 節、Attention: 8.1 節、双方向のエンコーダ: 8.4.1 節。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="104" />
        <source>Hyperparameters</source>
        <translation>ハイパーパラメータ</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="105" />
        <source>Settings in the upper groups apply to the running model at once; the others need a new model (Apply and reset). Every control's tooltip says what it does and its range.</source>
        <translation>上のグループの設定は、動いているモデルにすぐ反映されます。それ以外は新しいモデルが必要です（「適用してリセット」）。各項目のツールチップに、その意味と範囲を書いてあります。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="108" />
        <source>Learning rate and optimisers: chapter 1.4; gradient clipping: chapter 6.1.4; dropout and weight tying: chapter 6.5.</source>
        <translation>学習率と最適化手法: 1.4 節、勾配クリッピング: 6.1.4 節、Dropout と重み共有: 6.5 節。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="111" />
        <source>Task and model</source>
        <translation>タスクとモデル</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="112" />
        <source>What the network learns and which cell it uses: the plain RNN, the LSTM or the GRU.</source>
        <translation>ネットワークが何を学ぶか、どのセルを使うか（素の RNN、LSTM、GRU）。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="114" />
        <source>The RNN: chapter 5; the LSTM: chapter 6; the GRU: appendix C; seq2seq: chapter 7.</source>
        <translation>RNN: 5 章、LSTM: 6 章、GRU: 付録 C、seq2seq: 7 章。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="117" />
        <source>Runs</source>
        <translation>実行記録</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="118" />
        <source>Every model you train is kept as a run when you start another one, so runs of the same task can be compared on the same curves. Runs of another task are listed but not drawn.</source>
        <translation>学習したモデルは、別のモデルを始めたときに「実行」として残ります。同じタスクの実行どうしを同じ曲線の上で比べられます。別のタスクの実行は一覧には出ますが、描画はされません。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="121" />
        <source>Comparing models on validation perplexity: chapter 6.4 and 6.5.</source>
        <translation>検証パープレキシティでのモデルの比較: 6.4 節と 6.5 節。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="130" />
        <source>Guide to RNN Lab's views</source>
        <translation>RNN Lab のビューの解説</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="131" />
        <source>Chapter numbers refer to the book “Deep Learning from Scratch 2” (ゼロから作るDeep Learning ❷).</source>
        <translation>章と節の番号は『ゼロから作るDeep Learning ❷ 自然言語処理編』のものです。</translation>
    </message>
    <message>
        <location filename="../gui/guide.py" line="134" />
        <source>In the book:</source>
        <translation>本書では:</translation>
    </message>
</context><context>
    <name>GuideDialog</name>
    <message>
        <location filename="../gui/guide.py" line="144" />
        <source>Guide</source>
        <translation>解説</translation>
    </message>
</context><context>
    <name>Heatmap</name>
    <message>
        <location filename="../gui/widgets/heatmap.py" line="217" />
        <source>unit</source>
        <translation>ユニット</translation>
    </message>
    <message>
        <location filename="../gui/widgets/heatmap.py" line="306" />
        <source>{name}   t = {t} “{token}”   {row_name} {row}   value {value:+.4f}</source>
        <translation>{name}   t = {t}「{token}」   {row_name} {row}   値 {value:+.4f}</translation>
    </message>
</context><context>
    <name>HeatmapWidget</name>
    <message>
        <location filename="../gui/widgets/heatmap.py" line="331" />
        <source>row</source>
        <translation>行</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/widgets/heatmap.py" line="348" />
        <source>⚠ %n non-finite value(s) drawn as 0</source>
        <translation>
            <numerusform>⚠ 有限でない値 %n 個を 0 として描画</numerusform>
        </translation>
    </message>
</context><context>
    <name>Hyperparameters</name>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="44" />
        <source>Training — applies at once</source>
        <translation>学習 — すぐに反映</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="46" />
        <source>Sampling — applies at once</source>
        <translation>サンプリング — すぐに反映</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="47" />
        <source>Model — needs a reset</source>
        <translation>モデル — リセットが必要</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="49" />
        <source>Optimisation &amp;&amp; data — needs a reset</source>
        <translation>最適化とデータ — リセットが必要</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="54" />
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="55" />
        <source>Gradient clip</source>
        <translation>クリッピング</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="56" />
        <source>Dropout</source>
        <translation>ドロップアウト</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="57" />
        <source>Evaluate every</source>
        <translation>評価の間隔</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="58" />
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="59" />
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="60" />
        <source>Hidden units</source>
        <translation>隠れユニット数</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="61" />
        <source>Embedding size</source>
        <translation>埋め込み次元</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="62" />
        <source>Layers</source>
        <translation>層の数</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="63" />
        <source>Activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="64" />
        <source>Initialisation</source>
        <translation>重みの初期値</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="65" />
        <source>Tie weights</source>
        <translation>重み共有</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="66" />
        <source>Optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="67" />
        <source>LR schedule</source>
        <translation>学習率の減衰</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="68" />
        <source>Batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="69" />
        <source>BPTT length</source>
        <translation>BPTT の長さ</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="70" />
        <source>Seed</source>
        <translation>乱数シード</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="71" />
        <source>Eval batches</source>
        <translation>評価バッチ数</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="72" />
        <source>Stop at step</source>
        <translation>停止ステップ</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="73" />
        <source>Stop at epoch</source>
        <translation>停止エポック</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="74" />
        <source>Init std</source>
        <translation>初期値の σ</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="75" />
        <source>Precision</source>
        <translation>数値の精度</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="76" />
        <source>Validation share</source>
        <translation>検証の割合</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="77" />
        <source>Min word count</source>
        <translation>最小出現回数</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="78" />
        <source>Layer code</source>
        <translation>レイヤのコード</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="79" />
        <source>Pause when solved</source>
        <translation>解けたら停止</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="80" />
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="80" />
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="81" />
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="82" />
        <source>Built-in text</source>
        <translation>内蔵の文章</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="83" />
        <source>Encoding</source>
        <translation>文字コード</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="84" />
        <source>Decay steps</source>
        <translation>減衰のステップ数</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="85" />
        <source>Batches</source>
        <translation>バッチの作り方</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="86" />
        <source>Embedding std</source>
        <translation>埋め込み初期値の標準偏差</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="88" />
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="89" />
        <source>book</source>
        <translation>本書の方式</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="90" />
        <source>step</source>
        <translation>段階的に減衰</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="91" />
        <source>exponential</source>
        <translation>指数関数的に減衰</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="92" />
        <source>cosine</source>
        <translation>コサイン</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="93" />
        <source>normal</source>
        <translation>正規分布</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="94" />
        <source>readable</source>
        <translation>読みやすい版</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="95" />
        <source>fast</source>
        <translation>高速版</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="96" />
        <source>sequential</source>
        <translation>連続（本書）</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="97" />
        <source>random windows</source>
        <translation>ランダムな窓</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="98" />
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="99" />
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
</context><context>
    <name>HyperparamsPanel</name>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="171" />
        <source>Advanced settings</source>
        <translation>詳細設定</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="190" />
        <source>Reset to defaults</source>
        <translation>既定値に戻す</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="191" />
        <source>Show the task's default settings (live ones apply at once; the others with Apply &amp;&amp; reset)</source>
        <translation>タスクの既定の設定を表示します（すぐに反映される項目はすぐに、その他は「適用してリセット」で反映）</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="207" />
        <source>Apply &amp;&amp; reset</source>
        <translation>適用してリセット</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="208" />
        <source>Build a fresh model with these settings (asks first if it has trained)</source>
        <translation>この設定で新しいモデルを作ります（学習済みなら先に確認します）</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="210" />
        <source>Revert</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="226" />
        <source>applies at once</source>
        <translation>すぐに反映</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="226" />
        <source>needs a new model (Apply &amp; reset)</source>
        <translation>新しいモデルが必要（適用してリセット）</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="229" />
        <source>{help} — {when}; range {low} – {high}. [{name}]</source>
        <translation>{help} — {when}。範囲 {low} 〜 {high}。[{name}]</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="232" />
        <source>{help} — {when}. [{name}]</source>
        <translation>{help} — {when}。[{name}]</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="315" />
        <source>locked by the lesson</source>
        <translation>レッスンで固定されています</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="344" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="345" />
        <source>Changed: {settings}. A new model is needed for these to take effect.</source>
        <translation>変更: {settings}。反映するには新しいモデルが必要です。</translation>
    </message>
</context><context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../gui/language_menu.py" line="43" />
        <location filename="../gui/language_menu.py" line="18" />
        <source>Language</source>
        <translation>言語 (Language)</translation>
    </message>
    <message>
        <location filename="../gui/language_menu.py" line="22" />
        <source>System default ({language})</source>
        <translation>システムの設定（{language}）</translation>
    </message>
    <message>
        <location filename="../gui/language_menu.py" line="44" />
        <source>RNN Lab will speak {language} from its next start. Close the window and start it again to switch now (a trained run is saved and offered back).</source>
        <translation>次回の起動から {language} で表示します。今すぐ切り替えるには、ウィンドウを閉じてもう一度起動してください（学習済みの実行は保存され、起動時に復元できます）。</translation>
    </message>
</context><context>
    <name>Layers</name>
    <message>
        <location filename="../gui/panels/base.py" line="23" />
        <source>encoder</source>
        <translation>エンコーダ</translation>
    </message>
    <message>
        <location filename="../gui/panels/base.py" line="23" />
        <source>decoder</source>
        <translation>デコーダ</translation>
    </message>
</context><context>
    <name>LessonMode</name>
    <message>
        <location filename="../gui/lesson_loader.py" line="73" />
        <source>Could not open the lesson: {error}</source>
        <translation>レッスンを開けませんでした: {error}</translation>
    </message>
    <message>
        <location filename="../gui/lesson_loader.py" line="85" />
        <source>Opening a lesson starts a fresh model.</source>
        <translation>レッスンを開くと新しいモデルで始まります。</translation>
    </message>
    <message>
        <location filename="../gui/lesson_loader.py" line="94" />
        <source>Lesson — {title}</source>
        <translation>レッスン — {title}</translation>
    </message>
    <message>
        <location filename="../gui/lesson_loader.py" line="112" />
        <source>Could not open the lesson “{title}”: its run could not be built: {error}</source>
        <translation>レッスン「{title}」を開けませんでした。そのモデルを構築できません: {error}</translation>
    </message>
</context><context>
    <name>LessonPanel</name>
    <message numerus="yes">
        <location filename="../gui/panels/lesson.py" line="32" />
        <source>About %Ln training step(s).</source>
        <translation>
            <numerusform>学習はおよそ %Ln ステップです。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/panels/lesson.py" line="85" />
        <location filename="../gui/panels/lesson.py" line="34" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/lesson.py" line="36" />
        <source>Training pauses at step(s) {steps}, where the lesson asks you to look; press Space to go on.</source>
        <translation>
            <numerusform>学習はステップ {steps} で一時停止します。レッスンが観察を求めるところです。続けるにはスペースキーを押してください。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/panels/lesson.py" line="64" />
        <source>Leave lesson</source>
        <translation>レッスンを終える</translation>
    </message>
    <message>
        <location filename="../gui/panels/lesson.py" line="65" />
        <source>Show every panel and control again (the model stays)</source>
        <translation>すべてのパネルと設定項目を元どおり表示します（モデルはそのまま残ります）</translation>
    </message>
    <message>
        <location filename="../gui/panels/lesson.py" line="86" />
        <source>Locked by the lesson: {controls}</source>
        <translation>レッスンで固定: {controls}</translation>
    </message>
</context><context>
    <name>MainWindow</name>
    <message>
        <location filename="../gui/main_window.py" line="171" />
        <source>{what}…</source>
        <translation>{what}…</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="182" />
        <source>Could not build the model: {error} (showing the binary adder instead)</source>
        <translation>モデルを作れませんでした: {error}（代わりに2進数の足し算を表示しています）</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="186" />
        <source>Could not build the model: {error}</source>
        <translation>モデルを作れませんでした: {error}</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="197" />
        <source>Saved {path} at step {step}</source>
        <translation>ステップ {step} の時点を {path} に保存しました</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="227" />
        <source>Loaded {path} (step {step})</source>
        <translation>{path} を読み込みました（ステップ {step}）</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="230" />
        <source>Press Space to start training</source>
        <translation>スペースキーで学習を開始</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="241" />
        <source>RNN Lab — {task}</source>
        <translation>RNN Lab — {task}</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="248" />
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="46" />
        <location filename="../gui/main_window.py" line="248" />
        <source>Play</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="333" />
        <source>Discard the trained model?</source>
        <translation>学習したモデルを破棄しますか？</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/main_window.py" line="334" />
        <source>The model has trained for %Ln step(s). {what} This training is lost unless you save a checkpoint first.</source>
        <translation>
            <numerusform>このモデルは %Ln ステップ学習しています。{what}先にチェックポイントを保存しないと、この学習は失われます。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="343" />
        <source>This run has no validation split to evaluate on.</source>
        <translation>この実行には評価に使う検証データがありません。</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="346" />
        <source>Evaluating on the validation split…</source>
        <translation>検証データで評価しています…</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="353" />
        <source>Resetting starts a fresh model.</source>
        <translation>リセットすると新しいモデルで始まります。</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="357" />
        <source>Applying the changed settings starts a fresh model.</source>
        <translation>変更した設定を適用すると新しいモデルで始まります。</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="379" />
        <source>Switching to the {task} task starts a fresh model.</source>
        <translation>「{task}」に切り替えると新しいモデルで始まります。</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="386" />
        <source>Changing the model starts a fresh one.</source>
        <translation>モデルを変えると新しいモデルで始まります。</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="401" />
        <location filename="../gui/main_window.py" line="390" />
        <source>Changing the data starts a fresh model.</source>
        <translation>データを変えると新しいモデルで始まります。</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="430" />
        <source>The whole window</source>
        <translation>ウィンドウ全体</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="430" />
        <source>Training curves</source>
        <translation>学習曲線</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="445" />
        <source>Could not start the recording: %1</source>
        <translation>録画を開始できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="450" />
        <source>Stop recording</source>
        <translation>録画を停止</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="58" />
        <location filename="../gui/main_window.py" line="450" />
        <source>Record…</source>
        <translation>録画…</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="455" />
        <source>The recording could not be written: %1</source>
        <translation>録画を書き出せませんでした: %1</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="47" />
        <source>Start or pause training</source>
        <translation>学習を開始または一時停止</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="48" />
        <source>Step</source>
        <translation>1ステップ</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="49" />
        <source>Train one batch, then pause</source>
        <translation>1バッチだけ学習して一時停止</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="50" />
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="51" />
        <source>A fresh model with these settings</source>
        <translation>この設定で新しいモデルにする</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="52" />
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="53" />
        <source>Save a checkpoint</source>
        <translation>チェックポイントを保存</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="54" />
        <source>Load…</source>
        <translation>読み込み…</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="55" />
        <source>Load a checkpoint</source>
        <translation>チェックポイントを読み込む</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="56" />
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="57" />
        <source>Export a plot, a panel or the whole window</source>
        <translation>グラフ、パネル、ウィンドウ全体を書き出す</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="59" />
        <source>Record the window or one view while it trains, for slides (an animated GIF, APNG, WebP or MP4)</source>
        <translation>学習中のウィンドウか 1 つのビューをスライド用に録画します（アニメーション GIF、APNG、WebP、MP4）</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="62" />
        <source>Evaluate now</source>
        <translation>今すぐ評価</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="63" />
        <source>Evaluate on the validation split now</source>
        <translation>検証データで今すぐ評価</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="64" />
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="65" />
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="66" />
        <source>Guide to the views</source>
        <translation>ビューの解説</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="67" />
        <source>What each view shows, with the book's chapter and section</source>
        <translation>各ビューが示すものと、本書の該当する章・節</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="68" />
        <source>About RNN Lab</source>
        <translation>RNN Lab について</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="69" />
        <source>Dark theme</source>
        <translation>ダークテーマ</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="73" />
        <source>Reset layout</source>
        <translation>レイアウトを元に戻す</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="77" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="78" />
        <source>Open text corpus…</source>
        <translation>テキストのコーパスを開く…</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="79" />
        <source>Open PTB folder…</source>
        <translation>PTB のフォルダを開く…</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="80" />
        <source>Open seq2seq file…</source>
        <translation>seq2seq のファイルを開く…</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="81" />
        <source>Use built-in data</source>
        <translation>内蔵のデータを使う</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="87" />
        <source>&amp;Train</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="91" />
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="96" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../gui/window_actions.py" line="101" />
        <source>Training</source>
        <translation>学習</translation>
    </message>
</context><context>
    <name>Metrics</name>
    <message>
        <location filename="../gui/i18n.py" line="122" />
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../gui/i18n.py" line="122" />
        <source>perplexity</source>
        <translation>パープレキシティ</translation>
    </message>
    <message>
        <location filename="../gui/i18n.py" line="123" />
        <source>accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <location filename="../gui/i18n.py" line="124" />
        <source>bit accuracy</source>
        <translation>ビット単位の正解率</translation>
    </message>
    <message>
        <location filename="../gui/i18n.py" line="125" />
        <source>character accuracy</source>
        <translation>文字単位の正解率</translation>
    </message>
    <message>
        <location filename="../gui/i18n.py" line="126" />
        <source>metric</source>
        <translation>評価指標</translation>
    </message>
</context><context>
    <name>Pace</name>
    <message numerus="yes">
        <location filename="../gui/pace.py" line="43" />
        <source>The binary adder learns in seconds, so it trains at %n step(s) per second for you to watch it; drag Speed to the right for full speed.</source>
        <translation>
            <numerusform>2進数の足し算は数秒で学習してしまうので、様子を見られるよう毎秒 %n ステップで学習します。全速で学習するには「速度」を右端までドラッグしてください。</numerusform>
        </translation>
    </message>
</context><context>
    <name>Panel</name>
    <message>
        <location filename="../gui/panels/lesson.py" line="55" />
        <location filename="../gui/lesson_loader.py" line="56" />
        <source>Lesson</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="72" />
        <source>Inside the network</source>
        <translation>ネットワークの内部</translation>
    </message>
    <message>
        <location filename="../gui/panels/activations.py" line="73" />
        <source>Inside</source>
        <translation>内部</translation>
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="135" />
        <source>Binary adder</source>
        <translation>2進数の足し算</translation>
    </message>
    <message>
        <location filename="../gui/panels/adder_view.py" line="136" />
        <source>Adder</source>
        <translation>足し算</translation>
    </message>
    <message>
        <location filename="../gui/panels/curves.py" line="66" />
        <source>Training curves</source>
        <translation>学習曲線</translation>
    </message>
    <message>
        <location filename="../gui/panels/hyperparams.py" line="120" />
        <source>Hyperparameters</source>
        <translation>ハイパーパラメータ</translation>
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="53" />
        <source>Runs</source>
        <translation>実行記録</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="80" />
        <source>Prompt &amp; sampling</source>
        <translation>プロンプトとサンプリング</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="81" />
        <source>Sampling</source>
        <translation>サンプリング</translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="53" />
        <source>Gate saturation</source>
        <translation>ゲートの飽和</translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="54" />
        <source>Saturation</source>
        <translation>飽和</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="65" />
        <source>Seq2seq</source>
        <translation>seq2seq</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="50" />
        <source>Task &amp; model</source>
        <translation>タスクとモデル</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="53" />
        <source>Sample timeline</source>
        <translation>サンプルの推移</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="54" />
        <source>Timeline</source>
        <translation>推移</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="57" />
        <source>Text coloured by a unit</source>
        <translation>ユニットで色分けした文章</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="58" />
        <source>Unit text</source>
        <translation>ユニット</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="45" />
        <source>Recurrent weights</source>
        <translation>再帰の重み</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="46" />
        <source>Weights</source>
        <translation>重み</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="45" />
        <source>Word vectors</source>
        <translation>単語ベクトル</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="46" />
        <source>Vectors</source>
        <translation>ベクトル</translation>
    </message>
</context><context>
    <name>RecordDialog</name>
    <message>
        <location filename="../gui/record_dialog.py" line="39" />
        <source>Record for slides</source>
        <translation>スライド用に録画</translation>
    </message>
    <message>
        <location filename="../gui/record_dialog.py" line="50" />
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../gui/record_dialog.py" line="52" />
        <source>Frames larger than this are scaled down to fit (smaller files)</source>
        <translation>これより大きいフレームは縮小します（ファイルが小さくなります）</translation>
    </message>
    <message>
        <location filename="../gui/record_dialog.py" line="54" />
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../gui/record_dialog.py" line="61" />
        <source>Record</source>
        <translation>録画</translation>
    </message>
    <message>
        <location filename="../gui/record_dialog.py" line="62" />
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../gui/record_dialog.py" line="63" />
        <source>Largest side</source>
        <translation>長辺の最大</translation>
    </message>
    <message>
        <location filename="../gui/record_dialog.py" line="64" />
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../gui/record_dialog.py" line="65" />
        <source>%1 frames a second, while you train. Press Record again to stop; a recording also stops after %2 minutes.</source>
        <translation>学習中に毎秒 %1 フレームを記録します。もう一度「録画」を押すと止まります。%2 分たつと自動で止まります。</translation>
    </message>
    <message>
        <location filename="../gui/record_dialog.py" line="70" />
        <source>MP4 needs PyAV: pip install av</source>
        <translation>MP4 には PyAV が必要です: pip install av</translation>
    </message>
    <message>
        <location filename="../gui/record_dialog.py" line="73" />
        <source>Start recording</source>
        <translation>録画を開始</translation>
    </message>
    <message>
        <location filename="../gui/record_dialog.py" line="90" />
        <source>%1 animation (*%2)</source>
        <translation>%1 アニメーション (*%2)</translation>
    </message>
    <message>
        <location filename="../gui/record_dialog.py" line="92" />
        <source>Save the recording as</source>
        <translation>録画の保存先</translation>
    </message>
</context><context>
    <name>Recorder</name>
    <message>
        <location filename="../gui/recorder.py" line="66" />
        <source>Recording: press the Record button again to stop</source>
        <translation>録画中: もう一度「録画」ボタンを押すと止まります</translation>
    </message>
    <message>
        <location filename="../gui/recorder.py" line="85" />
        <source>A recording is still being written; try again in a moment.</source>
        <translation>録画をまだ書き出しています。少し待ってからもう一度試してください。</translation>
    </message>
    <message>
        <location filename="../gui/recorder.py" line="119" />
        <source>Writing the recording…</source>
        <translation>録画を書き出しています…</translation>
    </message>
    <message>
        <location filename="../gui/recorder.py" line="131" />
        <source>%1 REC %2:%3</source>
        <translation>%1 REC %2:%3</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/recorder.py" line="144" />
        <source>Saved the recording %1: %n frame(s), %2 s, %3 × %4 pixels, %5.</source>
        <translation>
            <numerusform>録画 %1 を保存しました: %n フレーム、%2 秒、%3 × %4 ピクセル、%5。</numerusform>
        </translation>
    </message>
</context><context>
    <name>RunOverlays</name>
    <message>
        <location filename="../gui/curve_overlays.py" line="123" />
        <source>{run}: loss {loss}</source>
        <translation>{run}: 損失 {loss}</translation>
    </message>
    <message>
        <location filename="../gui/curve_overlays.py" line="125" />
        <source> (baseline)</source>
        <translation>（基準）</translation>
    </message>
    <message>
        <location filename="../gui/curve_overlays.py" line="127" />
        <source>, vs baseline: {difference}</source>
        <translation>、基準との差: {difference}</translation>
    </message>
</context><context>
    <name>RunStatus</name>
    <message>
        <location filename="../gui/widgets/run_status.py" line="15" />
        <source>Running</source>
        <translation>学習中</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="15" />
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="16" />
        <source>Diverged</source>
        <translation>発散</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="17" />
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="18" />
        <source>Stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="19" />
        <source>Building…</source>
        <translation>準備中…</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="37" />
        <source>{amount} tok/s</source>
        <translation>{amount} トークン/秒</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="53" />
        <source>Training steps (batches) so far</source>
        <translation>これまでの学習ステップ（バッチ）の数</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="54" />
        <source>Passes over the training data so far</source>
        <translation>これまでに訓練データを何周したか</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="56" />
        <source>Time spent training (pauses excluded), by the clock on the wall</source>
        <translation>学習にかかった時間（一時停止を除く、実時間）</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="86" />
        <source>step {step}</source>
        <translation>ステップ {step}</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="90" />
        <source>epoch {epoch:.2f}</source>
        <translation>エポック {epoch:.2f}</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="94" />
        <source>Training throughput: tokens (bits, characters, words) per second of training</source>
        <translation>学習の処理速度: 学習時間1秒あたりのトークン（ビット、文字、単語）の数</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="125" />
        <source>{n} steps/s</source>
        <translation>{n} ステップ/秒</translation>
    </message>
    <message>
        <location filename="../gui/widgets/run_status.py" line="127" />
        <source>Training is slowed down with the Speed control: steps per second now</source>
        <translation>「速度」で学習を遅くしています: 現在の1秒あたりのステップ数</translation>
    </message>
</context><context>
    <name>RunsPanel</name>
    <message>
        <location filename="../gui/panels/runs.py" line="63" />
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="63" />
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="63" />
        <source>Baseline</source>
        <translation>基準</translation>
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="73" />
        <source>A run that trained is kept when you reset, rebuild or switch. Double-click a name to rename the run; tick Show to overlay it on the curves; tick Baseline to compare every run with it at the crosshair. Runs of other tasks are greyed: they are not drawn on these plots.</source>
        <translation>学習した実行は、リセット、作り直し、切り替えのときに残ります。名前をダブルクリックすると名前を変えられます。「表示」にチェックを入れると曲線に重ねて描き、「基準」にチェックを入れると十字カーソルの位置で他のすべての実行と比べます。他のタスクの実行は灰色で、これらのグラフには描きません。</translation>
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="77" />
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="78" />
        <source>Forget the selected kept run (the current run cannot be removed)</source>
        <translation>選んだ実行を消します（現在の実行は消せません）</translation>
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="170" />
        <source>A {run_task} run: not drawn on the {task} plots.</source>
        <translation>「{run_task}」の実行: 「{task}」のグラフには描きません。</translation>
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="187" />
        <source>Overlay this run on the curves</source>
        <translation>この実行を曲線に重ねて描く</translation>
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="188" />
        <source>Compare every run with this one at the crosshair</source>
        <translation>十字カーソルの位置で、すべての実行をこれと比べる</translation>
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="203" />
        <source>Greyed: runs of another task, not drawn here.</source>
        <translation>灰色: 別のタスクの実行（ここには描きません）。</translation>
    </message>
    <message>
        <location filename="../gui/panels/runs.py" line="204" />
        <source>Trained runs are kept when you reset or switch.</source>
        <translation>学習した実行は、リセットや切り替えのときに残ります。</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/runs.py" line="240" />
        <source>current run: %Ln step(s)</source>
        <translation>
            <numerusform>現在の実行: %Ln ステップ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/runs.py" line="240" />
        <source>kept run: %Ln step(s)</source>
        <translation>
            <numerusform>残した実行: %Ln ステップ</numerusform>
        </translation>
    </message>
</context><context>
    <name>SampleTimelinePanel</name>
    <message>
        <location filename="../gui/panels/timeline.py" line="64" />
        <source>Sample every</source>
        <translation>サンプリングの間隔</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="69" />
        <source> steps</source>
        <translation> ステップごと</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="72" />
        <source>The same prompt every time, so that only the model changes</source>
        <translation>毎回同じプロンプトを使います。変わるのはモデルだけです</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="76" />
        <source>Sample now</source>
        <translation>今すぐサンプリング</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="78" />
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="80" />
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="83" />
        <source>Start training: a sample of the prompt appears here every N steps, newest first, with the validation loss at that time.</source>
        <translation>学習を始めてください。N ステップごとに、プロンプトから生成したサンプルがその時点の検証損失とともに、新しい順にここに並びます。</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="90" />
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="92" />
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="136" />
        <source>Sample timeline</source>
        <translation>サンプルの推移</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="175" />
        <source>no validation yet</source>
        <translation>まだ検証していません</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="177" />
        <source>val loss {loss:.3f} nats/character (perplexity {ppl:.1f})</source>
        <translation>検証損失 {loss:.3f} nats/文字（パープレキシティ {ppl:.1f}）</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="180" />
        <source>val loss {loss:.3f} nats/word (perplexity {ppl:.1f})</source>
        <translation>検証損失 {loss:.3f} nats/単語（パープレキシティ {ppl:.1f}）</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="182" />
        <source>step {step} · {validation}</source>
        <translation>ステップ {step} · {validation}</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/timeline.py" line="192" />
        <source>%n sample(s); next at step {step}</source>
        <translation>
            <numerusform>サンプル %n 件。次はステップ {step}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="203" />
        <source>Export the sample timeline</source>
        <translation>サンプルの推移をエクスポート</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="204" />
        <source>Text (*.txt)</source>
        <translation>テキスト (*.txt)</translation>
    </message>
    <message>
        <location filename="../gui/panels/timeline.py" line="209" />
        <source>Could not write {path}: {error}</source>
        <translation>{path} を書き出せませんでした: {error}</translation>
    </message>
</context><context>
    <name>SamplingPanel</name>
    <message>
        <location filename="../gui/panels/sampling.py" line="98" />
        <source>Type a prompt and press Enter</source>
        <translation>プロンプトを入力して Enter</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="100" />
        <source>Sample</source>
        <translation>サンプリング</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="111" />
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="115" />
        <source>Sample every</source>
        <translation>サンプリングの間隔</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="119" />
        <source> s while training</source>
        <translation> 秒ごと（学習中）</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="128" />
        <source>Type a prompt above and press Enter: the sample appears here.</source>
        <translation>上にプロンプトを入力して Enter を押すと、ここにサンプルが出ます。</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="191" />
        <location filename="../gui/panels/sampling.py" line="133" />
        <source>Bold: your prompt · orange: words mapped to &lt;unk&gt; · shade behind a generated token: the model's probability of it (pale = unlikely, strong = sure)</source>
        <translation>太字: 入力したプロンプト · オレンジ: &lt;unk&gt; に置き換えた単語 · 生成したトークンの背景の濃さ: モデルがそれに与えた確率（薄い = ありそうにない、濃い = 確信あり）</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="141" />
        <source>Next token after the prompt</source>
        <translation>プロンプトの次のトークン</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="142" />
        <source>probability</source>
        <translation>確率</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="155" />
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="159" />
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="159" />
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="160" />
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="188" />
        <source>Bold: your prompt · orange: characters the model does not know (left out) · shade behind a generated character: the model's probability of it (pale = unlikely, strong = sure)</source>
        <translation>太字: 入力したプロンプト · オレンジ: モデルが知らない文字（読み飛ばします） · 生成した文字の背景の濃さ: モデルがそれに与えた確率（薄い = ありそうにない、濃い = 確信あり）</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="213" />
        <source>Next-token probabilities (bar chart)</source>
        <translation>次のトークンの確率（棒グラフ）</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="213" />
        <source>Sampled text</source>
        <translation>サンプリングした文章</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="245" />
        <source>Not in the vocabulary, left out of the prompt: {chars}</source>
        <translation>語彙にないのでプロンプトから除いた文字: {chars}</translation>
    </message>
    <message>
        <location filename="../gui/panels/sampling.py" line="248" />
        <source>{words}  (not in the vocabulary)</source>
        <translation>{words}  （語彙にありません）</translation>
    </message>
</context><context>
    <name>SaturationPanel</name>
    <message>
        <location filename="../gui/panels/saturation.py" line="35" />
        <source>A vanilla RNN has no gates: nothing can saturate at 0 or 1 here. Build an LSTM or GRU (Task panel) to see which units learn gates that stay open or shut.</source>
        <translation>素の RNN にはゲートがないので、ここで 0 や 1 に飽和するものはありません。LSTM か GRU を作ると（「タスクとモデル」パネル）、どのユニットが開いたまま・閉じたままのゲートを学ぶかを見られます。</translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="69" />
        <source>How many recent traces to pool: more timesteps, a steadier statistic</source>
        <translation>直近の記録をいくつまとめるか: 時刻が多いほど統計が安定します</translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="119" />
        <location filename="../gui/panels/saturation.py" line="71" />
        <source>Waiting for a trace: start or step training.</source>
        <translation>記録を待っています。学習を開始するか、1ステップ進めてください。</translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="74" />
        <source>Click a point to read its unit (and pick it in “Text coloured by a unit”).</source>
        <translation>点をクリックするとそのユニットを表示します（「ユニットで色分けした文章」でも選ばれます）。</translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="82" />
        <source>fraction of time left-saturated (gate &amp;lt; {low}, closed)</source>
        <translation>下に飽和した時間の割合（ゲート &amp;lt; {low}、閉）</translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="84" />
        <source>fraction of time right-saturated (gate &amp;gt; {high}, open)</source>
        <translation>上に飽和した時間の割合（ゲート &amp;gt; {high}、開）</translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="97" />
        <source>Layer</source>
        <translation>レイヤ</translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="99" />
        <source>Pool the last</source>
        <translation>直近の</translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="101" />
        <source>traces</source>
        <translation>記録をまとめる</translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="127" />
        <source>Gate saturation scatter</source>
        <translation>ゲートの飽和の散布図</translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="151" />
        <source>Cannot compute saturation: {error}</source>
        <translation>飽和を計算できません: {error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/saturation.py" line="161" />
        <source>Fractions of {steps} timesteps: the last %n trace(s) of the display passage ({passage}). Each point is one unit.</source>
        <translation>
            <numerusform>{steps} 時刻での割合: 表示中の文の直近 %n 回分の記録（{passage}）。各点が1つのユニットです。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/panels/saturation.py" line="219" />
        <source>{layer} unit {unit}, {gate}: closed {closed:.0%} of the time, open {open:.0%}</source>
        <translation>{layer} ユニット {unit}、{gate}: 閉じている時間 {closed:.0%}、開いている時間 {open:.0%}</translation>
    </message>
</context><context>
    <name>SaveLessonDialog</name>
    <message>
        <location filename="../gui/session_menu.py" line="30" />
        <source>shown</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="31" />
        <source>locked</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="32" />
        <source>hidden</source>
        <translation>非表示</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="70" />
        <source>Save lesson</source>
        <translation>レッスンを保存</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="74" />
        <source>What the lesson is about</source>
        <translation>レッスンの主題</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="76" />
        <source>What to do and what to look for (blank lines separate paragraphs)</source>
        <translation>何をして、何を観察するか（空行で段落を区切ります）</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="78" />
        <source>Control</source>
        <translation>設定項目</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="78" />
        <source>In the lesson</source>
        <translation>レッスンでの扱い</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="95" />
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="96" />
        <source>Text</source>
        <translation>本文</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="97" />
        <source>Controls</source>
        <translation>設定項目</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="110" />
        <source>Untitled lesson</source>
        <translation>無題のレッスン</translation>
    </message>
</context><context>
    <name>Seq2seqPanel</name>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="56" />
        <source>writing output {row} “{out}”, attention on input {col} (padding): {value:.3f}</source>
        <translation>出力 {row}「{out}」を書くときの、入力 {col}（パディング）への Attention: {value:.3f}</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="58" />
        <source>writing output {row} “{out}”, attention on input {col} “{inp}”: {value:.3f}</source>
        <translation>出力 {row}「{out}」を書くときの、入力 {col}「{inp}」への Attention: {value:.3f}</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="76" />
        <source>Question</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="77" />
        <source>Expected</source>
        <translation>正解</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="78" />
        <source>Generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="91" />
        <source>New example</source>
        <translation>次の例</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="127" />
        <location filename="../gui/panels/seq2seq_view.py" line="93" />
        <source>Validation accuracy: not measured yet</source>
        <translation>検証の正解率: まだ測っていません</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="94" />
        <source>output</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="94" />
        <source>attention weight</source>
        <translation>Attention の重み</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="97" />
        <source>input characters ({mark} = padding)</source>
        <translation>入力の文字（{mark} = パディング）</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="98" />
        <source>output characters</source>
        <translation>出力の文字</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="99" />
        <source>This model has no attention (choose the Attention model to see where the decoder looks).</source>
        <translation>このモデルには Attention がありません（デコーダがどこを見ているかを見るには Attention のモデルを選んでください）。</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="102" />
        <source>validation</source>
        <translation>検証</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="136" />
        <source>Validation accuracy: {accuracy:.1%} (step {step})</source>
        <translation>検証の正解率: {accuracy:.1%}（ステップ {step}）</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="140" />
        <source>Accuracy curve</source>
        <translation>正解率の曲線</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="140" />
        <source>Seq2seq example</source>
        <translation>seq2seq の例</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="142" />
        <source>Attention weights</source>
        <translation>Attention の重み</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="156" />
        <source>✓ right</source>
        <translation>✓ 正解</translation>
    </message>
    <message>
        <location filename="../gui/panels/seq2seq_view.py" line="156" />
        <source>✗ wrong</source>
        <translation>✗ 不正解</translation>
    </message>
</context><context>
    <name>SessionMenu</name>
    <message>
        <location filename="../gui/session_menu.py" line="38" />
        <source>Open lesson…</source>
        <translation>レッスンを開く…</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="39" />
        <source>Lessons</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="43" />
        <source>No lessons found: reinstall RNN Lab (pip install --force-reinstall rnn-lab)</source>
        <translation>レッスンが見つかりません: RNN Lab を入れ直してください（pip install --force-reinstall rnn-lab）</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="46" />
        <source>Save lesson…</source>
        <translation>レッスンを保存…</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="48" />
        <source>Export all runs (CSV)…</source>
        <translation>すべての実行をエクスポート（CSV）…</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="57" />
        <source>Open lesson</source>
        <translation>レッスンを開く</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="126" />
        <location filename="../gui/session_menu.py" line="59" />
        <source>RNN Lab lessons (*.json)</source>
        <translation>RNN Lab のレッスン (*.json)</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="125" />
        <source>Save lesson</source>
        <translation>レッスンを保存</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="133" />
        <source>Could not save the lesson: {error}</source>
        <translation>レッスンを保存できませんでした: {error}</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="137" />
        <source>Saved lesson {path}</source>
        <translation>レッスンを {path} に保存しました</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="144" />
        <source>No run has trained yet: nothing to export.</source>
        <translation>まだ学習した実行がないので、書き出すものがありません。</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="147" />
        <source>Export all runs</source>
        <translation>すべての実行をエクスポート</translation>
    </message>
    <message>
        <location filename="../gui/session_menu.py" line="155" />
        <source>Could not export the runs: {error}</source>
        <translation>実行を書き出せませんでした: {error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/session_menu.py" line="158" />
        <source>Exported %n run(s) to {path}</source>
        <translation>
            <numerusform>%n 件の実行を {path} に書き出しました</numerusform>
        </translation>
    </message>
</context><context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../gui/dialogs.py" line="31" />
        <source>Play / pause training</source>
        <translation>学習の開始・一時停止</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="32" />
        <source>Train one batch, then pause</source>
        <translation>1バッチだけ学習して一時停止</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="33" />
        <source>Reset: a fresh model (asks if it has trained)</source>
        <translation>リセット: 新しいモデルにする（学習済みなら確認します）</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="34" />
        <source>Save a checkpoint</source>
        <translation>チェックポイントを保存</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="35" />
        <source>Load a checkpoint</source>
        <translation>チェックポイントを読み込む</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="36" />
        <source>Export a plot, a panel or the whole window</source>
        <translation>グラフ、パネル、ウィンドウ全体を書き出す</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="37" />
        <source>Record the window or a view for slides; again to stop</source>
        <translation>ウィンドウかビューをスライド用に録画（もう一度押すと停止）</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="38" />
        <source>This list</source>
        <translation>この一覧</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="39" />
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="59" />
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="61" />
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="61" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../gui/dialogs.py" line="70" />
        <source>Single-key shortcuts are typed as text while a text field has the focus.</source>
        <translation>入力欄にフォーカスがあるときは、1キーのショートカットは文字として入力されます。</translation>
    </message>
</context><context>
    <name>SpeedControl</name>
    <message>
        <location filename="../gui/widgets/speed_control.py" line="13" />
        <source>full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <location filename="../gui/widgets/speed_control.py" line="14" />
        <source>{n} steps/s</source>
        <translation>{n} ステップ/秒</translation>
    </message>
    <message>
        <location filename="../gui/widgets/speed_control.py" line="28" />
        <source>Slow training down to watch every update, or let it run at full speed</source>
        <translation>学習を遅くして一回一回の更新を見るか、全速で走らせます</translation>
    </message>
    <message>
        <location filename="../gui/widgets/speed_control.py" line="34" />
        <source>Speed</source>
        <translation>速度</translation>
    </message>
</context><context>
    <name>TaskPanel</name>
    <message>
        <location filename="../gui/panels/task_panel.py" line="39" />
        <source>The problem the network learns</source>
        <translation>ネットワークが学ぶ問題</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="40" />
        <source>The recurrent cell, or one of the book's models (presets set the hyperparameters the book uses)</source>
        <translation>リカレントのセル、または本書のモデル（プリセットは本書と同じハイパーパラメータを設定します）</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="42" />
        <source>train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="42" />
        <source>val</source>
        <translation>検証</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="43" />
        <source>test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="45" />
        <source>English texts</source>
        <translation>英語の文章</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="46" />
        <source>Japanese texts (日本語)</source>
        <translation>日本語の文章</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="168" />
        <location filename="../gui/panels/task_panel.py" line="73" />
        <source>built-in</source>
        <translation>内蔵</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="77" />
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="78" />
        <source>Built-in</source>
        <translation>内蔵</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="79" />
        <source>Use the data that ships with RNN Lab</source>
        <translation>RNN Lab に入っているデータを使う</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="91" />
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="92" />
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="100" />
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="114" />
        <source>Text file…</source>
        <translation>テキストファイル…</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="115" />
        <source>PTB folder…</source>
        <translation>PTB のフォルダ…</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="172" />
        <source>tokens: {sizes}</source>
        <translation>トークン数: {sizes}</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="173" />
        <source>vocabulary: {n}</source>
        <translation>語彙数: {n}</translation>
    </message>
    <message>
        <location filename="../gui/panels/task_panel.py" line="201" />
        <location filename="../gui/panels/task_panel.py" line="196" />
        <source>locked by the lesson</source>
        <translation>レッスンで固定されています</translation>
    </message>
</context><context>
    <name>Threads</name>
    <message>
        <location filename="../gui/threads_menu.py" line="35" />
        <source>&amp;Threads</source>
        <translation>スレッド(&amp;T)</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/threads_menu.py" line="41" />
        <source>Automatic (%n: every core but one, left to the window)</source>
        <translation>
            <numerusform>自動（%n: ウィンドウに 1 コアを残した残りすべて）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/threads_menu.py" line="43" />
        <source>%n thread(s) (all cores)</source>
        <translation>
            <numerusform>%n スレッド（全コア）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/threads_menu.py" line="44" />
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n スレッド</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/threads_menu.py" line="47" />
        <source>Training uses %n thread(s). Cores this machine lets RNN Lab use: {cores}.</source>
        <translation>
            <numerusform>学習に %n スレッドを使います。このマシンで RNN Lab が使えるコア: {cores}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/threads_menu.py" line="71" />
        <source>Training uses %n thread(s) from the next step on.</source>
        <translation>
            <numerusform>次のステップから学習に %n スレッドを使います。</numerusform>
        </translation>
    </message>
</context><context>
    <name>UnitColors</name>
    <message>
        <location filename="../gui/widgets/unit_colors.py" line="46" />
        <source>unit’s h: −1 {stops} +1 &amp;nbsp;·&amp;nbsp; rows 1st–5th: the model’s next-token guesses, darker = likelier</source>
        <translation>ユニットの h: −1 {stops} +1 &amp;nbsp;·&amp;nbsp; 1〜5位の行: モデルが予想した次のトークン（濃いほど確率が高い）</translation>
    </message>
    <message>
        <location filename="../gui/widgets/unit_colors.py" line="67" />
        <source>after “{read}”: P(“{next}”) = {p:.3f}</source>
        <translation>「{read}」の次: P(「{next}」) = {p:.3f}</translation>
    </message>
</context><context>
    <name>UnitTextPanel</name>
    <message>
        <location filename="../gui/panels/unit_text.py" line="84" />
        <source>Hold this trace</source>
        <translation>この記録で止める</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="85" />
        <source>Stop following training, to select and compare calmly</source>
        <translation>学習の進行に追従するのをやめ、落ち着いて選んで比べられるようにします</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="176" />
        <location filename="../gui/panels/unit_text.py" line="86" />
        <source>Waiting for a trace: start or step training.</source>
        <translation>記録を待っています。学習を開始するか、1ステップ進めてください。</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="96" />
        <source>Select a span with the mouse to search for units that mark it (below)</source>
        <translation>マウスで範囲を選ぶと、その範囲を目印にするユニットを探せます（下）</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="99" />
        <source>read</source>
        <translation>読んだ</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="99" />
        <source>1st</source>
        <translation>1位</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="99" />
        <source>2nd</source>
        <translation>2位</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="99" />
        <source>3rd</source>
        <translation>3位</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="100" />
        <source>4th</source>
        <translation>4位</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="100" />
        <source>5th</source>
        <translation>5位</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="114" />
        <source>h &gt; threshold</source>
        <translation>h &gt; しきい値</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="114" />
        <source>−h &gt; threshold</source>
        <translation>−h &gt; しきい値</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="115" />
        <source>Find units</source>
        <translation>ユニットを探す</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="119" />
        <source>Next place</source>
        <translation>次の場所</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="121" />
        <source>Select a span of the text, then Find units.</source>
        <translation>文章の範囲を選んでから「ユニットを探す」を押してください。</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="128" />
        <source>Layer</source>
        <translation>レイヤ</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="128" />
        <source>Unit</source>
        <translation>ユニット</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="135" />
        <source>From</source>
        <translation>範囲</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="135" />
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="139" />
        <source>on when</source>
        <translation>オンの条件</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="199" />
        <source>Text coloured by a unit</source>
        <translation>ユニットで色分けした文章</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="199" />
        <source>Top-5 predictions per position</source>
        <translation>位置ごとの上位5つの予測</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="283" />
        <source>unit {unit}   score {score:+.2f}</source>
        <translation>ユニット {unit}   スコア {score:+.2f}</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/unit_text.py" line="285" />
        <source>%n unit(s) mark tokens {start}–{end}</source>
        <translation>
            <numerusform>トークン {start}–{end} を目印にするユニット: %n 個</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="287" />
        <source>No unit is on inside the span and off around it: try a lower threshold.</source>
        <translation>範囲の中でオン、外でオフになるユニットはありません。しきい値を下げてみてください。</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="303" />
        <source>Unit {unit} fires at tokens {where}</source>
        <translation>ユニット {unit} が発火するトークン: {where}</translation>
    </message>
    <message>
        <location filename="../gui/panels/unit_text.py" line="304" />
        <source>Unit {unit} never fires</source>
        <translation>ユニット {unit} は発火しません</translation>
    </message>
</context><context>
    <name>WeightsPanel</name>
    <message>
        <location filename="../gui/panels/weights.py" line="34" />
        <source>ρ &lt; 1: repeated multiplication by Wh shrinks signals and gradients (they vanish over long spans); ρ &gt; 1: some direction can grow (they can explode: clip).</source>
        <translation>ρ &lt; 1: Wh を繰り返し掛けると信号も勾配も縮みます（長い距離では消失します）。ρ &gt; 1: 大きくなる方向があります（爆発しうるので、クリッピングします）。</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="37" />
        <source>In an LSTM/GRU each block only feeds a gate's pre-activation; the long-range gradient path runs through the cell state (× f) or the update (1 − z), which is why it survives.</source>
        <translation>LSTM・GRU では各ブロックはゲートの活性化前の値に入るだけで、遠くまで勾配が流れる経路は記憶セル（× f）や更新（1 − z）を通ります。だから勾配が消えずに残ります。</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="59" />
        <source>Waiting for the weights: they are sent about once a second while this panel is shown.</source>
        <translation>重みを待っています。このパネルを表示している間、およそ1秒に1回届きます。</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="63" />
        <source>from unit</source>
        <translation>元のユニット</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="63" />
        <source>weight</source>
        <translation>重み</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="65" />
        <source>from h₍ₜ₋₁₎ unit</source>
        <translation>h₍ₜ₋₁₎ のユニット（元）</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="68" />
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="69" />
        <source>spectral radius ρ</source>
        <translation>スペクトル半径 ρ</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="83" />
        <source>Layer</source>
        <translation>レイヤ</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="113" />
        <source>Recurrent matrix Wh</source>
        <translation>再帰の行列 Wh</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="114" />
        <source>Spectral radius over training</source>
        <translation>学習中のスペクトル半径</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/weights.py" line="194" />
        <source>to the {blocks} blocks, %n unit(s) each</source>
        <translation>
            <numerusform>{blocks} の各ブロックへ（各 %n ユニット）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="195" />
        <source>to unit</source>
        <translation>先のユニット</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="199" />
        <source> (colours end at ±{limit}; largest |w| {peak:.3g})</source>
        <translation>（色は ±{limit} まで。|w| の最大 {peak:.3g}）</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="202" />
        <source>columns: gate blocks {spans}</source>
        <translation>列: ゲートのブロック {spans}</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="203" />
        <source>columns: units</source>
        <translation>列: ユニット</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="204" />
        <source>{layer}: Wh is {rows} × {cols} (rows: h_(t-1) units; {columns}){clipped}. Spectral radius now: {now}.</source>
        <translation>{layer}: Wh は {rows} × {cols}（行: h_(t-1) のユニット、{columns}）{clipped}。現在のスペクトル半径: {now}。</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="216" />
        <source>ρ of the {gate} block</source>
        <translation>{gate} ブロックの ρ</translation>
    </message>
    <message>
        <location filename="../gui/panels/weights.py" line="224" />
        <source>Wh[{row}, {col}]: from h_(t-1) unit {row} to {to}   weight {value:+.4f}</source>
        <translation>Wh[{row}, {col}]: h_(t-1) のユニット {row} から {to} へ   重み {value:+.4f}</translation>
    </message>
</context><context>
    <name>WordVectorsPanel</name>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="60" />
        <source>Type a word and press Enter, e.g. stock</source>
        <translation>単語を入力して Enter（例: stock）</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="67" />
        <source>buy</source>
        <translation>buy</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="67" />
        <source>bought</source>
        <translation>bought</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="67" />
        <source>sold</source>
        <translation>sold</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="71" />
        <source>Look up</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="197" />
        <location filename="../gui/panels/word_vectors.py" line="175" />
        <location filename="../gui/panels/word_vectors.py" line="73" />
        <source>Nearest words</source>
        <translation>最も近い単語</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="200" />
        <location filename="../gui/panels/word_vectors.py" line="74" />
        <source>a − b + c</source>
        <translation>a − b + c</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="78" />
        <source>The map appears with the first answer of the run.</source>
        <translation>マップは学習からの最初の応答とともに表示されます。</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="86" />
        <source>The 300 most frequent words (PCA)</source>
        <translation>最も頻度の高い 300 語（PCA）</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="98" />
        <source>Word</source>
        <translation>単語</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="175" />
        <location filename="../gui/panels/word_vectors.py" line="101" />
        <source>Analogy</source>
        <translation>類推</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="201" />
        <location filename="../gui/panels/word_vectors.py" line="197" />
        <location filename="../gui/panels/word_vectors.py" line="126" />
        <source>cosine</source>
        <translation>コサイン</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="133" />
        <source>Double-click a word to look it up</source>
        <translation>単語をダブルクリックすると検索します</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="149" />
        <source>The embedding is tied to the output layer: these vectors are also its weights.</source>
        <translation>埋め込みは出力層と重みを共有しています。これらのベクトルは出力層の重みでもあります。</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="174" />
        <source>Word map (PCA of the 300 most frequent words)</source>
        <translation>単語マップ（最も頻度の高い 300 語の PCA）</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="196" />
        <source>Nearest to “%1”</source>
        <translation>「%1」に最も近い単語</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/panels/word_vectors.py" line="205" />
        <source>%n word(s) not in the vocabulary: %1</source>
        <translation>
            <numerusform>語彙にない単語 %n 個: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="211" />
        <source>Step %1 · cosine similarity of the embedding's rows; the map updates about once a second while training.</source>
        <translation>ステップ %1 · 埋め込み行列の行どうしのコサイン類似度。学習中はマップがおよそ 1 秒ごとに更新されます。</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="235" />
        <source>1st principal component (%1 % of the variance)</source>
        <translation>第 1 主成分（分散の %1 %）</translation>
    </message>
    <message>
        <location filename="../gui/panels/word_vectors.py" line="236" />
        <source>2nd principal component (%1 %)</source>
        <translation>第 2 主成分（%1 %）</translation>
    </message>
</context><context>
    <name>engine</name>
    <message>
        <location filename="../engine/checkpoint.py" line="92" />
        <source>cannot store the run's metadata as JSON: {reason}</source>
        <translation>実行のメタデータを JSON として保存できません: {reason}</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="97" />
        <source>checkpoint entry {key!r} is an object array; only numeric arrays can be saved</source>
        <translation>チェックポイントの項目 {key!r} はオブジェクト配列です。保存できるのは数値の配列だけです</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="126" />
        <source>{path} exists and is not an RNN Lab checkpoint, so a save would destroy it; choose another file name</source>
        <translation>{path} は既にあり、RNN Lab のチェックポイントではないため、保存すると失われます。別のファイル名を選んでください</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="213" />
        <source>{path}: entry {key!r} does not fit in the memory available</source>
        <translation>{path}: 項目 {key!r} は使えるメモリに収まりません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="219" />
        <source>no checkpoint at {path}: the file does not exist</source>
        <translation>{path} にチェックポイントがありません: ファイルが存在しません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="222" />
        <source>{path} is a folder, not a checkpoint file</source>
        <translation>{path} はフォルダです。チェックポイントのファイルではありません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="224" />
        <source>checkpoint</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="90" />
        <location filename="../engine/checkpoint.py" line="229" />
        <source>cannot read {path}: {reason}</source>
        <translation>{path} を読めません: {reason}</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="232" />
        <source>{path} is empty; it is not a checkpoint</source>
        <translation>{path} は空です。チェックポイントではありません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="234" />
        <source>{path} is not an RNN Lab checkpoint (not an .npz archive)</source>
        <translation>{path} は RNN Lab のチェックポイントではありません（.npz アーカイブではありません）</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="240" />
        <source>{path} is an .npz file but not an RNN Lab checkpoint (it has no {key})</source>
        <translation>{path} は .npz ファイルですが、RNN Lab のチェックポイントではありません（{key} がありません）</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="245" />
        <source>{path} has corrupt metadata ({reason})</source>
        <translation>{path} のメタデータが壊れています（{reason}）</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="248" />
        <source>{path} is an .npz file but not an RNN Lab checkpoint (format is not {format!r})</source>
        <translation>{path} は .npz ファイルですが、RNN Lab のチェックポイントではありません（形式が {format!r} ではありません）</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="252" />
        <source>{path} has an invalid checkpoint version {version}</source>
        <translation>{path} のチェックポイントのバージョン {version} は不正です</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="255" />
        <source>{path} is checkpoint version {version}, written by a newer RNN Lab (engine {engine}); this version reads version {known}</source>
        <translation>{path} はチェックポイントのバージョン {version} で、新しい RNN Lab（エンジン {engine}）が書いたものです。このバージョンが読めるのはバージョン {known} です</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="261" />
        <source>{path} has incomplete metadata: {key!r} is missing</source>
        <translation>{path} のメタデータが不完全です: {key!r} がありません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="271" />
        <source>{path} has corrupt metadata: {what}</source>
        <translation>{path} のメタデータが壊れています: {what}</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="279" />
        <source>the vocabulary is not a list of tokens</source>
        <translation>語彙がトークンのリストではありません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="282" />
        <source>'history' is not a mapping</source>
        <translation>'history' が対応表（mapping）ではありません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="287" />
        <source>history {key!r} is not a list of records with a step</source>
        <translation>history の {key!r} が、ステップを持つ記録のリストではありません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="290" />
        <source>'last' is not a mapping of numbers</source>
        <translation>'last' が数値の対応表ではありません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="294" />
        <source>'best' is not a step and a metric</source>
        <translation>'best' がステップと評価値の組ではありません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="320" />
        <source>{path} holds an invalid configuration: {error}</source>
        <translation>{path} の設定が正しくありません: {error}</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="328" />
        <source>the path given does not exist</source>
        <translation>指定したパスは存在しません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="329" />
        <source>point to where it is now (--data PATH, or the window's data field)</source>
        <translation>今ある場所を指定してください（--data PATH、またはウィンドウのデータ欄）</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="330" />
        <source>the data of this checkpoint is missing: {data} ({hint})</source>
        <translation>このチェックポイントのデータが見つかりません: {data}（{hint}）</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="332" />
        <source>cannot rebuild the {task} task of {path}: {error}</source>
        <translation>{path} の {task} タスクを作り直せません: {error}</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="352" />
        <source>{path} does not match the {task} task it describes: {error}</source>
        <translation>{path} は、記録されている {task} タスクと合いません: {error}</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="374" />
        <source>{path} lacks parameter {name} of this model (and {more} more)</source>
        <translation>{path} には、このモデルのパラメータ {name} がありません（ほかに {more} 個）</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="376" />
        <source>{path} lacks parameter {name} of this model</source>
        <translation>{path} には、このモデルのパラメータ {name} がありません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="380" />
        <source>{path} has parameter {name}, which this model does not have</source>
        <translation>{path} にはパラメータ {name} がありますが、このモデルにはありません</translation>
    </message>
    <message>
        <location filename="../engine/npz_reader.py" line="86" />
        <location filename="../engine/checkpoint.py" line="388" />
        <source>{path} is incomplete: entry {key!r} is missing</source>
        <translation>{path} は不完全です: 項目 {key!r} がありません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="393" />
        <source>best parameter {name} in {path} has shape {found}, the model expects {expected}</source>
        <translation>{path} の最良パラメータ {name} の形状は {found} ですが、モデルは {expected} を必要とします</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="395" />
        <source>parameter {name} in {path} has shape {found}, the model expects {expected}</source>
        <translation>{path} のパラメータ {name} の形状は {found} ですが、モデルは {expected} を必要とします</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="399" />
        <source>{path}: best parameter {name} holds NaN or infinite values (the run had diverged when it was saved, or the file is damaged); it cannot be loaded</source>
        <translation>{path}: 最良パラメータ {name} に NaN または無限大が含まれています（保存時に学習が発散していたか、ファイルが壊れています）。読み込めません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="401" />
        <source>{path}: parameter {name} holds NaN or infinite values (the run had diverged when it was saved, or the file is damaged); it cannot be loaded</source>
        <translation>{path}: パラメータ {name} に NaN または無限大が含まれています（保存時に学習が発散していたか、ファイルが壊れています）。読み込めません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="409" />
        <source>{path}: entry {key!r} holds NaN or infinite values; it cannot be loaded</source>
        <translation>{path}: 項目 {key!r} に NaN または無限大が含まれています。読み込めません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="425" />
        <source>{path}: entry {key!r} is not a random-generator state</source>
        <translation>{path}: 項目 {key!r} は乱数生成器の状態ではありません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="440" />
        <source>{path}: entry {key!r} is {value}, not a whole number between {lo:g} and {hi:g}; the file is damaged</source>
        <translation>{path}: 項目 {key!r} は {value} で、{lo:g} から {hi:g} までの整数ではありません。ファイルが壊れています</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="443" />
        <source>{path}: entry {key!r} is {value}, not a finite number between {lo:g} and {hi:g}; the file is damaged</source>
        <translation>{path}: 項目 {key!r} は {value} で、{lo:g} から {hi:g} までの有限の数ではありません。ファイルが壊れています</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="459" />
        <source>{path} is incomplete: optimizer state {slot!r} lacks {key!r}</source>
        <translation>{path} は不完全です: 最適化手法の状態 {slot!r} に {key!r} がありません</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="467" />
        <source>{path}: entry {key!r} is NaN; the file is damaged</source>
        <translation>{path}: 項目 {key!r} が NaN です。ファイルが壊れています</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="473" />
        <source>{path}: entry 'curves.meta' ({value}) is not a curve store's state; the file is damaged</source>
        <translation>{path}: 項目 'curves.meta'（{value}）は学習曲線の記録の状態ではありません。ファイルが壊れています</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="477" />
        <source>{path}: entry 'curves.rows' has shape {found}, expected at most {expected}; the file is damaged</source>
        <translation>{path}: 項目 'curves.rows' の形状は {found} で、最大 {expected} のはずです。ファイルが壊れています</translation>
    </message>
    <message>
        <location filename="../engine/checkpoint.py" line="482" />
        <source>{path}: entry 'curves.rows' holds NaN or infinite steps, times, losses, gradient norms or learning rates; the file is damaged</source>
        <translation>{path}: 項目 'curves.rows' のステップ・時刻・損失・勾配ノルム・学習率に NaN または無限大が含まれています。ファイルが壊れています</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="39" />
        <source>What the network learns (a task of engine/tasks/registry.py)</source>
        <translation>ネットワークが学ぶもの（engine/tasks/registry.py のタスク）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="41" />
        <source>Model: a recurrent cell (rnn, lstm, gru, ...) or one of the task's own variants</source>
        <translation>モデル: リカレントのセル（rnn、lstm、gru など）、またはタスク独自のモデル</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="45" />
        <source>Code of the recurrent layers: 'readable' (the book's equations, engine/layers/lstm.py) or 'fast' (fused kernels, engine/layers/fast/; the same numbers; a cell without fused code runs its readable code)</source>
        <translation>リカレントのレイヤのコード: 読みやすい版（本書の数式どおり、engine/layers/lstm.py）か高速版（演算をまとめたカーネル、engine/layers/fast/。結果は同じ。高速版のないセルは読みやすい版で動きます）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="50" />
        <source>Stacked recurrent layers</source>
        <translation>積み重ねるリカレントのレイヤの数</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="51" />
        <source>Hidden units per recurrent layer</source>
        <translation>リカレントのレイヤ1つあたりの隠れユニット数（隠れ状態ベクトルの次元数）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="53" />
        <source>Embedding (word vector) size</source>
        <translation>埋め込み（単語ベクトル）の次元数</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="55" />
        <source>Activation of a vanilla RNN</source>
        <translation>素の RNN の活性化関数</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="57" />
        <source>Weight initialisation</source>
        <translation>重みの初期値</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="59" />
        <source>Standard deviation for 'normal' initialisation</source>
        <translation>初期値が「正規分布」のときの標準偏差</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="61" />
        <source>Standard deviation of the initial embedding vectors (the book: 0.01)</source>
        <translation>埋め込みベクトルの初期値の標準偏差（本書: 0.01）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="64" />
        <source>Share embedding and output weights</source>
        <translation>埋め込みと出力の重みを共有する（重み共有）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="66" />
        <source>Dropout ratio between layers (inverted dropout)</source>
        <translation>レイヤ間のドロップアウトの比率（Inverted Dropout）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="68" />
        <source>Update rule</source>
        <translation>パラメータの更新方法</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="70" />
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="71" />
        <source>Learning-rate schedule (book: divide by 4 when validation gets worse)</source>
        <translation>学習率の減衰（本書の方式: 検証の結果が悪くなったら 1/4 にする）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="74" />
        <source>Steps per halving of lr (step, exponential) or length of the cosine (its end is --iters when set)</source>
        <translation>学習率が半分になるステップ数（段階的・指数関数的）、またはコサインの長さ（--iters があればそこで終わる）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="77" />
        <source>Clip gradients to this global norm (0 = off)</source>
        <translation>勾配全体のノルムをこの値でクリッピング（0 = しない）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="79" />
        <source>Sequences per batch</source>
        <translation>1バッチあたりの系列の数</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="80" />
        <source>Truncated BPTT length (timesteps per batch)</source>
        <translation>Truncated BPTT の長さ（1バッチの時刻の数）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="82" />
        <source>Training batches: the book's stateful sequential rows, or windows at random places (each from a zero state)</source>
        <translation>学習バッチ: 本書の状態を引き継ぐ連続した行か、ランダムな位置の窓（それぞれゼロの状態から）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="86" />
        <source>Random seed (weights, batches, dropout)</source>
        <translation>乱数シード（重み、バッチ、ドロップアウト）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="88" />
        <source>Floating-point precision</source>
        <translation>浮動小数点の精度</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="90" />
        <source>Sampling temperature</source>
        <translation>サンプリングの温度</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="92" />
        <source>Sample only from the k most likely tokens (0 = all)</source>
        <translation>確率の高い上位 k 個のトークンだけからサンプリング（0 = すべて）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="94" />
        <source>Data file or folder ('' = built-in)</source>
        <translation>データのファイルまたはフォルダ（空 = 内蔵のデータ）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="95" />
        <source>The built-in text of the character model, used when no data file is given: en (English) or ja (Japanese)</source>
        <translation>文字単位の言語モデルの内蔵の文章（データのファイルを指定しないとき）: en（英語）か ja（日本語）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="98" />
        <source>Text encoding of the data file</source>
        <translation>データのファイルの文字コード</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="100" />
        <source>Share of the text held out for validation</source>
        <translation>検証用に取り分ける文章の割合</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="102" />
        <source>Words seen fewer times become &lt;unk&gt;</source>
        <translation>これより少ない回数しか出てこない単語は &lt;unk&gt; にする</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="104" />
        <source>Evaluate on the validation split every N steps (0 = never)</source>
        <translation>N ステップごとに検証データで評価（0 = しない）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="107" />
        <source>Batches per evaluation (0 = the whole split)</source>
        <translation>1回の評価に使うバッチの数（0 = 検証データ全体）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="109" />
        <source>Pause training when the adder is exactly right on all 16,384 pairs (the window; the CLI trains on)</source>
        <translation>足し算が全 16,384 組で完全に正解したら学習を一時停止（ウィンドウのみ。コマンドラインでは学習を続けます）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="112" />
        <source>Stop after this many steps (0 = no limit; CLI: --iters)</source>
        <translation>このステップ数で停止（0 = 制限なし。コマンドライン: --iters）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="114" />
        <source>Stop after this many epochs (0 = no limit)</source>
        <translation>このエポック数で停止（0 = 制限なし）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="131" />
        <source>unknown configuration keys: {keys}</source>
        <translation>不明な設定のキー: {keys}</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="163" />
        <source>unknown setting {name!r}</source>
        <translation>不明な設定 {name!r}</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="184" />
        <source>{name} must be a finite {kind}, got {value!r}</source>
        <translation>{name} は有限の {kind} でなければなりません（{value!r} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="188" />
        <source>{name} must be between {lo} and {hi}, got {value}</source>
        <translation>{name} は {lo} から {hi} の間でなければなりません（{value} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/config.py" line="191" />
        <source>{name} must be one of {choices}, got {value!r}</source>
        <translation>{name} は {choices} のいずれかでなければなりません（{value!r} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/tasks/base.py" line="78" />
        <location filename="../engine/data/batcher.py" line="36" />
        <source>tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <location filename="../engine/data/batcher.py" line="37" />
        <source>training text</source>
        <translation>訓練用の文章</translation>
    </message>
    <message>
        <location filename="../engine/data/batcher.py" line="42" />
        <source>The {what} has {n} {unit}, too few for one batch: batch {batch} x bptt {bptt} needs at least {need}.</source>
        <translation>{what}は {n} {unit}しかなく、1バッチにも足りません。バッチ {batch} × BPTT {bptt} には少なくとも {need} 必要です。</translation>
    </message>
    <message>
        <location filename="../engine/data/batcher.py" line="53" />
        <source>The training split has {n} token(s), too few to learn anything from.</source>
        <translation>訓練データが {n} トークンしかなく、学習には少なすぎます。</translation>
    </message>
    <message>
        <location filename="../engine/data/corpus.py" line="19" />
        <source>train file</source>
        <translation>訓練用のファイル</translation>
    </message>
    <message>
        <location filename="../engine/data/corpus.py" line="19" />
        <source>val file</source>
        <translation>検証用のファイル</translation>
    </message>
    <message>
        <location filename="../engine/data/corpus.py" line="20" />
        <source>test file</source>
        <translation>テスト用のファイル</translation>
    </message>
    <message>
        <location filename="../engine/data/corpus.py" line="33" />
        <source>The folder {folder} has no {name} (the {split} split of the Penn Treebank); pick a folder with ptb.train.txt, ptb.valid.txt and ptb.test.txt, or a single text file.</source>
        <translation>フォルダ {folder} に {name}（Penn Treebank の {split} データ）がありません。ptb.train.txt、ptb.valid.txt、ptb.test.txt のあるフォルダか、テキストファイル1つを選んでください。</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="63" />
        <source>{source}: no examples (expected lines like '16+75  _91  ')</source>
        <translation>{source}: 例がありません（'16+75  _91  ' のような行が必要です）</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="71" />
        <source>is empty</source>
        <translation>が空です</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="72" />
        <source>has no '_' between question and answer</source>
        <translation>の問題と答えの間に '_' がありません</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="73" />
        <source>has an empty question</source>
        <translation>の問題が空です</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="74" />
        <source>has an empty answer</source>
        <translation>の答えが空です</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="75" />
        <source>{source}: line {number} {what}: {line!r} (expected 'question_answer', e.g. '16+75  _91  ')</source>
        <translation>{source}: {number} 行目{what}: {line!r}（'問題_答え' の形式が必要です。例: '16+75  _91  '）</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="82" />
        <source>{source}: line {number} has a question of {q} and an answer of {a} characters, line 1 has {q1} and {a1} (the format pads every line to the same widths)</source>
        <translation>{source}: {number} 行目は問題が {q} 文字、答えが {a} 文字ですが、1 行目は {q1} 文字と {a1} 文字です（この形式ではすべての行を同じ幅にそろえます）</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="97" />
        <source>{path} is a folder; choose a text file such as addition.txt or date.txt</source>
        <translation>{path} はフォルダです。addition.txt や date.txt のようなテキストファイルを選んでください</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="100" />
        <source>seq2seq file</source>
        <translation>seq2seq ファイル</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="100" />
        <source>seq2seq files</source>
        <translation>seq2seq ファイル</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="104" />
        <source>{path} looks like a binary file (it contains NUL bytes), not text</source>
        <translation>{path} はテキストではなくバイナリファイルのようです（NUL バイトを含みます）</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="110" />
        <source>{path}: line {line} is not valid UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8 (the book's files are plain ASCII)</source>
        <translation>{path}: {line} 行目が正しい UTF-8 のテキストではありません（バイト 0x{byte:02x}）。UTF-8 で保存し直してください（本書のファイルはただの ASCII です）</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="137" />
        <source>line {number} has the character {char!r}, which is not in the vocabulary</source>
        <translation>{number} 行目に語彙にない文字 {char!r} があります</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="139" />
        <source>example {number} has the character {char!r}, which is not in the vocabulary</source>
        <translation>例 {number} に語彙にない文字 {char!r} があります</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="152" />
        <source>addition</source>
        <translation>足し算</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="152" />
        <source>date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="153" />
        <source>generated {name} set ({n} examples)</source>
        <translation>生成した{name}のデータ（{n} 例）</translation>
    </message>
    <message>
        <location filename="../engine/data/seq2seq_data.py" line="162" />
        <source>the vocabulary must contain the start symbol {start!r}</source>
        <translation>語彙には開始記号 {start!r} が必要です</translation>
    </message>
    <message>
        <location filename="../engine/data/text.py" line="31" />
        <source>data file</source>
        <translation>データのファイル</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="153" />
        <location filename="../engine/user_files.py" line="70" />
        <location filename="../engine/data/text.py" line="40" />
        <source>The {what} {path} does not exist.</source>
        <translation>{what} {path} が存在しません。</translation>
    </message>
    <message>
        <location filename="../engine/data/text.py" line="42" />
        <source>The path {path} is a folder, not a text file.</source>
        <translation>{path} はフォルダです。テキストファイルではありません。</translation>
    </message>
    <message>
        <location filename="../engine/data/text.py" line="54" />
        <source>Unknown text encoding {encoding!r}; use 'utf-8' or 'latin-1'.</source>
        <translation>不明な文字コード {encoding!r} です。'utf-8' か 'latin-1' を使ってください。</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="34" />
        <location filename="../engine/data/text.py" line="58" />
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../engine/data/text.py" line="58" />
        <source>text files</source>
        <translation>テキストファイル</translation>
    </message>
    <message>
        <location filename="../engine/data/text.py" line="62" />
        <source>The file {path} is empty.</source>
        <translation>{path} は空です。</translation>
    </message>
    <message>
        <location filename="../engine/data/text.py" line="67" />
        <source>The file {path} is not valid UTF-8 text (byte 0x{byte:02x} at offset {offset}); if it is Latin-1 text, load it with encoding 'latin-1'.</source>
        <translation>{path} は正しい UTF-8 のテキストではありません（位置 {offset} のバイト 0x{byte:02x}）。Latin-1 のテキストなら、文字コード 'latin-1' で読み込んでください。</translation>
    </message>
    <message>
        <location filename="../engine/data/text.py" line="74" />
        <source>The file {path} contains only whitespace, no text.</source>
        <translation>{path} には空白しかなく、文章がありません。</translation>
    </message>
    <message>
        <location filename="../engine/data/text.py" line="81" />
        <source>The file {path} is UTF-16 text; save it as UTF-8 to use it.</source>
        <translation>{path} は UTF-16 のテキストです。使うには UTF-8 で保存し直してください。</translation>
    </message>
    <message>
        <location filename="../engine/data/text.py" line="84" />
        <source>The file {path} looks like a binary file (it contains NUL bytes), not text.</source>
        <translation>{path} はテキストではなくバイナリファイルのようです（NUL バイトを含みます）。</translation>
    </message>
    <message>
        <location filename="../engine/data/text.py" line="89" />
        <source>The file {path} looks like a binary file ({share:.0%} control characters), not text.</source>
        <translation>{path} はテキストではなくバイナリファイルのようです（制御文字が {share:.0%}）。</translation>
    </message>
    <message>
        <location filename="../engine/divergence.py" line="59" />
        <source>the loss stayed above {factor:g} × ln V = {limit:.3g} (a uniform guess scores ln V = {baseline:.3g}) for {steps:d} steps, reaching {loss:.4g}</source>
        <translation>損失が {steps:d} ステップの間 {factor:g} × ln V = {limit:.3g} を上回り続け（一様な推測の損失は ln V = {baseline:.3g}）、{loss:.4g} に達しました</translation>
    </message>
    <message>
        <location filename="../engine/host.py" line="83" />
        <source>unknown command {name!r}</source>
        <translation>不明なコマンド {name!r}</translation>
    </message>
    <message>
        <location filename="../engine/host.py" line="98" />
        <source>The run stopped after an error and cannot train on: save it (File &gt; Save), press Reset or load a checkpoint.</source>
        <translation>エラーで停止した学習は続けられません。保存する（ファイル &gt; 保存）か、リセットするか、チェックポイントを読み込んでください。</translation>
    </message>
    <message>
        <location filename="../engine/host.py" line="121" />
        <source>There is no model to save yet.</source>
        <translation>保存するモデルがまだありません。</translation>
    </message>
    <message>
        <location filename="../engine/host.py" line="169" />
        <source>Training stopped after an unexpected error ({error}). The model is kept: save it (File &gt; Save), press Reset or load a checkpoint.</source>
        <translation>予期しないエラーで学習が停止しました（{error}）。モデルは残っています。保存する（ファイル &gt; 保存）か、リセットするか、チェックポイントを読み込んでください。</translation>
    </message>
    <message>
        <location filename="../engine/host.py" line="209" />
        <source>Loading checkpoint</source>
        <translation>チェックポイントを読み込んでいます</translation>
    </message>
    <message>
        <location filename="../engine/host.py" line="210" />
        <source>Building model</source>
        <translation>モデルを作っています</translation>
    </message>
    <message>
        <location filename="../engine/live.py" line="193" />
        <location filename="../engine/host.py" line="281" />
        <source>{command} failed: {error}</source>
        <translation>{command} に失敗しました: {error}</translation>
    </message>
    <message>
        <location filename="../engine/layers/gru.py" line="21" />
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <location filename="../engine/layers/gru.py" line="22" />
        <source>the gated recurrent unit of the book's appendix: update gate z, reset gate r, no cell state</source>
        <translation>本書の付録 C の Gated Recurrent Unit: 更新ゲート z、リセットゲート r。記憶セルはありません</translation>
    </message>
    <message>
        <location filename="../engine/layers/gru.py" line="26" />
        <source>update gate</source>
        <translation>更新ゲート</translation>
    </message>
    <message>
        <location filename="../engine/layers/gru.py" line="27" />
        <source>reset gate</source>
        <translation>リセットゲート</translation>
    </message>
    <message>
        <location filename="../engine/layers/gru.py" line="28" />
        <source>candidate state</source>
        <translation>新しい隠れ状態の候補</translation>
    </message>
    <message>
        <location filename="../engine/layers/lstm.py" line="21" />
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <location filename="../engine/layers/lstm.py" line="22" />
        <source>the long short-term memory of the book's chapter 6: gates f, i, o and a cell state c</source>
        <translation>本書 6 章の LSTM（Long Short-Term Memory）: ゲート f、i、o と記憶セル c</translation>
    </message>
    <message>
        <location filename="../engine/layers/peephole_lstm.py" line="26" />
        <location filename="../engine/layers/lstm.py" line="24" />
        <source>forget gate</source>
        <translation>忘却ゲート</translation>
    </message>
    <message>
        <location filename="../engine/layers/peephole_lstm.py" line="27" />
        <location filename="../engine/layers/lstm.py" line="25" />
        <source>new content</source>
        <translation>新しい記憶</translation>
    </message>
    <message>
        <location filename="../engine/layers/peephole_lstm.py" line="28" />
        <location filename="../engine/layers/lstm.py" line="26" />
        <source>input gate</source>
        <translation>入力ゲート</translation>
    </message>
    <message>
        <location filename="../engine/layers/peephole_lstm.py" line="29" />
        <location filename="../engine/layers/lstm.py" line="27" />
        <source>output gate</source>
        <translation>出力ゲート</translation>
    </message>
    <message>
        <location filename="../engine/layers/peephole_lstm.py" line="23" />
        <source>Peephole LSTM</source>
        <translation>ピープホール LSTM</translation>
    </message>
    <message>
        <location filename="../engine/layers/peephole_lstm.py" line="24" />
        <source>an LSTM whose gates also see the cell state (Gers and Schmidhuber, 2000)</source>
        <translation>ゲートが記憶セルも見る LSTM（Gers と Schmidhuber、2000 年）</translation>
    </message>
    <message>
        <location filename="../engine/layers/rnn.py" line="30" />
        <source>RNN</source>
        <translation>RNN</translation>
    </message>
    <message>
        <location filename="../engine/layers/rnn.py" line="31" />
        <source>the plain recurrent cell of the book's chapter 5: h = tanh(x Wx + h_prev Wh + b)</source>
        <translation>本書 5 章の素のリカレントのセル: h = tanh(x Wx + h_prev Wh + b)</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="92" />
        <source>{key} must be a string, got {type}</source>
        <translation>{key} は文字列でなければなりません（{type} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="154" />
        <source>lesson</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="154" />
        <source>lessons</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="157" />
        <source>{path}: not a lesson file (not UTF-8 text)</source>
        <translation>{path}: レッスンのファイルではありません（UTF-8 のテキストではありません）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="163" />
        <source>{path}: not valid JSON (line {line}, column {column}: {reason})</source>
        <translation>{path}: 正しい JSON ではありません（{line} 行目 {column} 列: {reason}）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="214" />
        <source>{key}: texts by language need version 2, got version {version}</source>
        <translation>{key}: 言語ごとの文章にはバージョン 2 が必要です（バージョン {version} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="217" />
        <source>{key} must name at least one language</source>
        <translation>{key} には少なくとも1つの言語が必要です</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="221" />
        <source>{key}: {lang!r} is not a language code (such as "en" or "ja")</source>
        <translation>{key}: {lang!r} は言語コード（"en" や "ja" など）ではありません</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="230" />
        <source>{key} must be a non-empty string, got {value!r}</source>
        <translation>{key} は空でない文字列でなければなりません（{value!r} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="238" />
        <source>a lesson is a JSON object, got {type}</source>
        <translation>レッスンは JSON のオブジェクトでなければなりません（{type} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="241" />
        <source>missing key(s): {keys}</source>
        <translation>足りないキー: {keys}</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="244" />
        <source>unknown key(s): {keys}; known: {known}</source>
        <translation>不明なキー: {keys}。使えるキー: {known}</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="247" />
        <source>format must be {expected!r}, got {value!r}</source>
        <translation>format は {expected!r} でなければなりません（{value!r} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="251" />
        <source>version must be a positive integer, got {value!r}</source>
        <translation>version は正の整数でなければなりません（{value!r} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="254" />
        <source>version {version} is newer than this RNN Lab reads ({known})</source>
        <translation>バージョン {version} は、この RNN Lab が読めるもの（{known}）より新しいです</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="260" />
        <source>task must be one of {known}, got {value!r}</source>
        <translation>task は {known} のいずれかでなければなりません（{value!r} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="267" />
        <source>panels must name at least one panel</source>
        <translation>panels には少なくとも1つのパネルが必要です</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="270" />
        <source>panels: the {panel!r} panel is for the {tasks} task(s), not {task!r}</source>
        <translation>panels: {panel!r} パネルは {tasks} タスク用で、{task!r} では使えません</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="276" />
        <source>locked_controls: {names} already hidden (a control is hidden or locked)</source>
        <translation>locked_controls: {names} はすでに非表示です（設定項目は非表示か固定のどちらかです）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="280" />
        <source>steps_hint must be a positive integer or null, got {value}</source>
        <translation>steps_hint は正の整数か null でなければなりません（{value} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="289" />
        <source>pause_at must be a list of positive whole numbers (step counts), got {value}</source>
        <translation>pause_at は正の整数（ステップ数）のリストでなければなりません（{value} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="308" />
        <source>{key} must be a string or a list of strings (lines)</source>
        <translation>{key} は文字列か、文字列（行）のリストでなければなりません</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="320" />
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="320" />
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="321" />
        <source>true or false</source>
        <translation>true か false</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="322" />
        <source>a string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="323" />
        <source>{label} must be {kind}, got {value}</source>
        <translation>{label} は{kind}でなければなりません（{value} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="333" />
        <source>config must be an object of settings, got {type}</source>
        <translation>config は設定のオブジェクトでなければなりません（{type} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="338" />
        <source>config.{name}: set it with the lesson's top-level {name!r} key</source>
        <translation>config.{name}: レッスンの最上位のキー {name!r} で指定してください</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="342" />
        <source>config.{name}: unknown setting; known: {known}</source>
        <translation>config.{name}: 不明な設定です。使える設定: {known}</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="350" />
        <source>{key} must be a list of names, got {value}</source>
        <translation>{key} は名前のリストでなければなりません（{value} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="354" />
        <source>{key}: unknown name {name!r}; known: {known}</source>
        <translation>{key}: 不明な名前 {name!r}。使える名前: {known}</translation>
    </message>
    <message>
        <location filename="../engine/lessons.py" line="358" />
        <source>{key}: {names} listed twice</source>
        <translation>{key}: {names} が2回あります</translation>
    </message>
    <message>
        <location filename="../engine/live.py" line="138" />
        <source>Training stopped: {error}</source>
        <translation>学習が止まりました: {error}</translation>
    </message>
    <message>
        <location filename="../engine/live.py" line="150" />
        <source>Finished after {steps} steps ({epochs:.2f} epochs).</source>
        <translation>{steps} ステップ（{epochs:.2f} エポック）で完了しました。</translation>
    </message>
    <message>
        <location filename="../engine/live.py" line="165" />
        <source>Solved: exactly right on every validation example at step {step}. Training paused; press Play to train on, or untick 'Pause when solved'.</source>
        <translation>解けました: ステップ {step} で、検証のすべての例に完全に正解しました。学習を一時停止しています。続けるには「開始」を押すか、「解けたら停止」のチェックを外してください。</translation>
    </message>
    <message>
        <location filename="../engine/live.py" line="173" />
        <source>Paused at step {step}, as the lesson describes: read the next step of the lesson, then press Play to go on.</source>
        <translation>レッスンのとおり、ステップ {step} で一時停止しました。レッスンの次の手順を読んでから「開始」を押して続けてください。</translation>
    </message>
    <message>
        <location filename="../engine/live.py" line="202" />
        <source>The run is finished ({steps} steps, {epochs:.2f} epochs): raise the step or epoch limit to continue.</source>
        <translation>この実行は完了しています（{steps} ステップ、{epochs:.2f} エポック）。続けるには、停止するステップ数かエポック数を増やしてください。</translation>
    </message>
    <message>
        <location filename="../engine/memory.py" line="215" />
        <source>This run would need about {need} of memory (mostly for reading the data: {part_need}) but only {available} is available; use a smaller text.</source>
        <translation>この学習には約 {need} のメモリが必要です（ほとんどはデータの読み込み: {part_need}）が、使えるのは {available} だけです。もっと小さなテキストを使ってください。</translation>
    </message>
    <message>
        <location filename="../engine/memory.py" line="219" />
        <source>This run would need about {need} of memory (mostly {part}: {part_need}) but only {available} is available; reduce the hidden size, batch, BPTT length or vocabulary.</source>
        <translation>この学習には約 {need} のメモリが必要です（主に {part}: {part_need}）が、使えるのは {available} だけです。隠れ状態のサイズ、バッチ、BPTT 長、語彙を小さくしてください。</translation>
    </message>
    <message>
        <location filename="../engine/memory.py" line="232" />
        <source>Reading this {size} MB text would need about {need} of memory ({factor} bytes per byte of text at the peak) but only {available} is available; use a smaller text.</source>
        <translation>この {size} MB のテキストを読み込むには約 {need} のメモリが必要です（ピーク時にテキスト 1 バイトあたり {factor} バイト）が、使えるのは {available} だけです。もっと小さなテキストを使ってください。</translation>
    </message>
    <message>
        <location filename="../engine/models/rnnlm.py" line="126" />
        <source>{cell} {size} tied</source>
        <translation>{cell} {size} 重み共有</translation>
    </message>
    <message>
        <location filename="../engine/npz_reader.py" line="53" />
        <source>{path} is truncated or corrupt ({reason}); it cannot be loaded</source>
        <translation>{path} は途中で切れているか壊れています（{reason}）。読み込めません</translation>
    </message>
    <message>
        <location filename="../engine/npz_reader.py" line="57" />
        <source>{path} has {count:,} entries; an archive RNN Lab reads has far fewer</source>
        <translation>{path} には {count:,} 個の項目があります。RNN Lab が読むアーカイブの項目はずっと少ないはずです</translation>
    </message>
    <message>
        <location filename="../engine/npz_reader.py" line="98" />
        <source>{path}: entry {key!r} is in .npy format {version}, which RNN Lab never writes</source>
        <translation>{path}: 項目 {key!r} は .npy 形式 {version} で、RNN Lab が書くことのない形式です</translation>
    </message>
    <message>
        <location filename="../engine/npz_reader.py" line="102" />
        <source>{path} contains object arrays (pickled Python objects) in entry {key!r}; RNN Lab never writes those and refuses to load them</source>
        <translation>{path} の項目 {key!r} にはオブジェクト配列（pickle された Python オブジェクト）が含まれています。RNN Lab はこれを書くことがなく、読み込みも拒否します</translation>
    </message>
    <message>
        <location filename="../engine/npz_reader.py" line="109" />
        <source>{path}: entry {key!r} has shape {found}, expected {expected}</source>
        <translation>{path}: 項目 {key!r} の形状は {found} ですが、{expected} のはずです</translation>
    </message>
    <message>
        <location filename="../engine/npz_reader.py" line="114" />
        <source>{path}: entry {key!r} holds {dtype} values, expected floating-point numbers</source>
        <translation>{path}: 項目 {key!r} の値は {dtype} ですが、浮動小数点数のはずです</translation>
    </message>
    <message>
        <location filename="../engine/npz_reader.py" line="117" />
        <source>{path}: entry {key!r} holds {dtype} values, expected numbers of kind {kinds}</source>
        <translation>{path}: 項目 {key!r} の値は {dtype} ですが、種類 {kinds} の数のはずです</translation>
    </message>
    <message>
        <location filename="../engine/npz_reader.py" line="122" />
        <source>{path} is truncated: entry {key!r} is shorter than its header says</source>
        <translation>{path} は途中で切れています: 項目 {key!r} がヘッダーの示す長さより短いです</translation>
    </message>
    <message>
        <location filename="../engine/npz_reader.py" line="127" />
        <source>{path} is truncated or corrupt ({key!r}: {reason}); it cannot be loaded</source>
        <translation>{path} は途中で切れているか壊れています（{key!r}: {reason}）。読み込めません</translation>
    </message>
    <message>
        <location filename="../engine/npz_reader.py" line="132" />
        <source>{path}: entry {key!r} declares {declared} of data, more than such an entry can hold here ({limit}); the file is damaged or was not written by RNN Lab, so it is not read</source>
        <translation>{path}: 項目 {key!r} は {declared} のデータを宣言していますが、この項目が持てる量（{limit}）を超えています。ファイルが壊れているか RNN Lab が書いたものではないため、読み込みません</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="146" />
        <source>seq2seq reversed</source>
        <translation>seq2seq 入力反転</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="147" />
        <source>peeky seq2seq</source>
        <translation>Peeky seq2seq</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="148" />
        <source>peeky seq2seq reversed</source>
        <translation>Peeky seq2seq 入力反転</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="149" />
        <source>attention seq2seq</source>
        <translation>Attention seq2seq</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="150" />
        <source>bidirectional seq2seq</source>
        <translation>双方向 seq2seq</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="157" />
        <source>tied</source>
        <translation>重み共有</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="157" />
        <source>val share</source>
        <translation>検証の割合</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="158" />
        <source>decay</source>
        <translation>減衰</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="158" />
        <source>init std</source>
        <translation>初期値の標準偏差</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="159" />
        <source>lr</source>
        <translation>学習率</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="159" />
        <source>clip</source>
        <translation>クリッピング</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="160" />
        <source>dropout</source>
        <translation>ドロップアウト</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="160" />
        <source>hidden</source>
        <translation>隠れ</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="161" />
        <source>embed</source>
        <translation>埋め込み</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="161" />
        <source>layers</source>
        <translation>層</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="162" />
        <source>activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="162" />
        <source>init</source>
        <translation>初期値</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="163" />
        <source>optimizer</source>
        <translation>最適化</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="163" />
        <source>schedule</source>
        <translation>減衰</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="164" />
        <source>batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="164" />
        <source>bptt</source>
        <translation>BPTT</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="165" />
        <source>seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="165" />
        <source>dtype</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="166" />
        <source>impl</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="166" />
        <source>corpus</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="167" />
        <source>min_count</source>
        <translation>最小出現回数</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="168" />
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="168" />
        <source>top_k</source>
        <translation>top-k</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="169" />
        <source>eval_interval</source>
        <translation>評価間隔</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="170" />
        <source>eval_batches</source>
        <translation>評価バッチ数</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="171" />
        <source>max_steps</source>
        <translation>停止ステップ</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="171" />
        <source>epochs</source>
        <translation>停止エポック</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="172" />
        <source>pause_when_solved</source>
        <translation>解けたら停止</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="189" />
        <source>{layers}-layer {model}</source>
        <translation>{layers} 層の {model}</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="196" />
        <source>built-in data</source>
        <translation>内蔵データ</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="197" />
        <source>data {name}</source>
        <translation>データ {name}</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="199" />
        <source>not {setting}</source>
        <translation>{setting}なし</translation>
    </message>
    <message>
        <location filename="../engine/runs.py" line="217" />
        <source>+{n} more</source>
        <translation>ほか {n} 件</translation>
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="42" />
        <source>Binary adder</source>
        <translation>2進数の足し算</translation>
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="43" />
        <source>Two numbers below 128 are fed in bit by bit, least significant first; after each pair of bits the network outputs one bit of the sum. It must learn to carry.</source>
        <translation>128 未満の2つの数を、下位ビットから1ビットずつ入力します。ビットの組を1つ読むたびに、ネットワークは和を1ビット出力します。繰り上がりを学ばなければなりません。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="79" />
        <location filename="../engine/tasks/adder.py" line="57" />
        <source>init must be one of {known}, got {value!r}</source>
        <translation>init は {known} のいずれかでなければなりません（{value!r} が指定されました）</translation>
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="82" />
        <source>use the sigmoid/tanh activation (relu lets the recurrence blow up)</source>
        <translation>活性化関数を sigmoid か tanh にしてください（relu では再帰が発散します）</translation>
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="115" />
        <source>the binary adder has no {split!r} split; it evaluates on all pairs ('val')</source>
        <translation>2進数の足し算には {split!r} データはありません。全組（'val'）で評価します</translation>
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="173" />
        <source>{a} + {b} = {sum} (predicted {pred})</source>
        <translation>{a} + {b} = {sum}（予測 {pred}）</translation>
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="188" />
        <source>built-in: all pairs a, b &lt; 128</source>
        <translation>内蔵: a, b &lt; 128 のすべての組</translation>
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="195" />
        <source>{task} · {cell} {hidden} ({activation}) · {params} parameters</source>
        <translation>{task} · {cell} {hidden}（{activation}） · パラメータ {params} 個</translation>
    </message>
    <message>
        <location filename="../engine/tasks/adder.py" line="198" />
        <source>{task} · {cell} {hidden} · {params} parameters</source>
        <translation>{task} · {cell} {hidden} · パラメータ {params} 個</translation>
    </message>
    <message>
        <location filename="../engine/tasks/base.py" line="105" />
        <source>The {task}'s model must be one of {known}, not {model!r}.</source>
        <translation>{task}のモデルは {known} のいずれかです（{model!r} ではありません）。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/base.py" line="231" />
        <source>the {task} task does not generate text</source>
        <translation>{task}のタスクは文章を生成しません</translation>
    </message>
    <message>
        <location filename="../engine/tasks/base.py" line="266" />
        <source>{task} · {params} parameters</source>
        <translation>{task} · パラメータ {params} 個</translation>
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="34" />
        <source>built-in: {n} texts written for RNN Lab</source>
        <translation>内蔵: RNN Lab のために書いた {n} 編の文章</translation>
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="35" />
        <source>built-in (Japanese): {n} texts written for RNN Lab</source>
        <translation>内蔵（日本語）: RNN Lab のために書いた {n} 編の文章</translation>
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="42" />
        <source>Character LM</source>
        <translation>文字単位の言語モデル</translation>
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="43" />
        <source>Reads text one character at a time and predicts the next character.</source>
        <translation>文章を1文字ずつ読み、次の文字を予測します。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="44" />
        <source>Open a text file…</source>
        <translation>テキストファイルを開く…</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="57" />
        <location filename="../engine/tasks/char.py" line="46" />
        <source>characters</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="48" />
        <source>Simple RNN</source>
        <translation>シンプルな RNN</translation>
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="60" />
        <source>Tiny Shakespeare (fast) — LSTM 128</source>
        <translation>Tiny Shakespeare（高速） — LSTM 128</translation>
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="68" />
        <source>Tiny Shakespeare (long) — LSTM 256</source>
        <translation>Tiny Shakespeare（長め）— LSTM 256</translation>
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="85" />
        <source>text file</source>
        <translation>テキストファイル</translation>
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="90" />
        <source>The built-in texts are missing: reinstall RNN Lab (pip install --force-reinstall rnn-lab) or open a text file.</source>
        <translation>内蔵の文章が見つかりません。RNN Lab を入れ直す（pip install --force-reinstall rnn-lab）か、テキストファイルを開いてください。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="101" />
        <source>The saved vocabulary is not a character vocabulary (it holds {token!r}).</source>
        <translation>保存された語彙は文字の語彙ではありません（{token!r} を含みます）。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/char.py" line="109" />
        <source>The text contains {char!r} (line {line}), which is not among the model's {n} characters.</source>
        <translation>文章に、モデルの {n} 文字にない文字 {char!r} があります（{line} 行目）。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="38" />
        <source>train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="38" />
        <source>val</source>
        <translation>検証</translation>
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="39" />
        <source>test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="62" />
        <source>The training split has {n} {units}, too few to learn from; use a longer text or a smaller val_fraction.</source>
        <translation>訓練データが {n} {units}しかなく、学習には少なすぎます。もっと長い文章を使うか、val_fraction を小さくしてください。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="68" />
        <source>The text is short ({n} training {units}), so training uses batch {batch} × BPTT {bptt} instead of {config_batch} × {config_bptt}.</source>
        <translation>文章が短い（訓練データ {n} {units}）ので、{config_batch} × {config_bptt} の代わりにバッチ {batch} × BPTT {bptt} で学習します。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="74" />
        <source>The {split} split has {n} {units}, too few to evaluate; raise val_fraction or use a longer text.</source>
        <translation>{split}データが {n} {units}しかなく、評価には少なすぎます。val_fraction を大きくするか、もっと長い文章を使ってください。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="131" />
        <source>Tied weights need the embedding size to equal the hidden size (embed {embed}, hidden {hidden}).</source>
        <translation>重み共有には、埋め込みの次元数と隠れユニット数が同じである必要があります（埋め込み {embed}、隠れユニット {hidden}）。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="161" />
        <source>The {task} has no {split!r} split (val_fraction is 0); it has {have}.</source>
        <translation>{task}には {split!r} データがありません（val_fraction が 0 です）。あるのは {have} です。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="163" />
        <source>The {task} has no {split!r} split; it has {have}.</source>
        <translation>{task}には {split!r} データがありません。あるのは {have} です。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="228" />
        <source>{split} passage {index} ({units} {start}-{end}): loss {loss:.3f} nats per token</source>
        <translation>{split}データの文 {index}（{units} {start}〜{end}）: 損失 {loss:.3f} nats/トークン</translation>
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="282" />
        <source>The sample length must be between 0 and {most}, got {length}.</source>
        <translation>サンプルの長さは 0 から {most} の間です（{length} が指定されました）。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="285" />
        <source>top_k must be 0 (all tokens) or more, got {top_k}.</source>
        <translation>top_k は 0（すべてのトークン）以上です（{top_k} が指定されました）。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/language.py" line="351" />
        <source>{task} · {model} · {vocab} {units} in the vocabulary · {train} training {units} · {params} parameters</source>
        <translation>{task} · {model} · 語彙 {vocab} {units} · 訓練データ {train} {units} · パラメータ {params} 個</translation>
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="34" />
        <source>Word LM</source>
        <translation>単語単位の言語モデル</translation>
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="35" />
        <source>Reads text one word at a time and predicts the next word (the book's chapters 5–6).</source>
        <translation>文章を1単語ずつ読み、次の単語を予測します（本書の 5〜6 章）。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="37" />
        <source>Open a text file or PTB folder…</source>
        <translation>テキストファイルか PTB のフォルダを開く…</translation>
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="40" />
        <source>words</source>
        <translation>語</translation>
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="49" />
        <location filename="../engine/tasks/lm.py" line="45" />
        <source>Simple — SimpleRnnlm, ch. 5</source>
        <translation>シンプル — SimpleRnnlm、5 章</translation>
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="55" />
        <location filename="../engine/tasks/lm.py" line="46" />
        <source>Better — 2×LSTM, dropout, tied, ch. 6</source>
        <translation>改良版 — 2層 LSTM、Dropout、重み共有、6 章</translation>
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="52" />
        <source>Rnnlm — LSTM, ch. 6</source>
        <translation>Rnnlm — LSTM、6 章</translation>
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="70" />
        <source>built-in: generated sentences</source>
        <translation>内蔵: 生成した文</translation>
    </message>
    <message>
        <location filename="../engine/tasks/lm.py" line="78" />
        <source>The word {word!r} is not in the saved vocabulary, which has no {unk}.</source>
        <translation>単語 {word!r} は保存された語彙になく、語彙には {unk} もありません。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="53" />
        <source>Seq2seq</source>
        <translation>seq2seq</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="54" />
        <source>An encoder reads a question (e.g. 57+243), a decoder writes the answer character by character (the book's chapters 7–8).</source>
        <translation>エンコーダが問題（例: 57+243）を読み、デコーダが答えを1文字ずつ書きます（本書の 7〜8 章）。</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="56" />
        <source>Open a question_answer file…</source>
        <translation>「問題_答え」のファイルを開く…</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="61" />
        <source>Seq2seq, ch. 7</source>
        <translation>seq2seq、7 章</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="62" />
        <source>Reversed input</source>
        <translation>入力データの反転</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="63" />
        <source>Peeky decoder</source>
        <translation>Peeky デコーダ</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="64" />
        <source>Reversed + peeky</source>
        <translation>反転 + Peeky</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="65" />
        <source>Attention, ch. 8</source>
        <translation>Attention、8 章</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="66" />
        <source>Bidirectional encoder</source>
        <translation>双方向のエンコーダ</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="82" />
        <source>the bidirectional encoder splits hidden units between two directions: hidden &gt;= 2</source>
        <translation>双方向のエンコーダは隠れユニットを2方向に分けるので、隠れユニット数は 2 以上が必要です</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="185" />
        <source>the seq2seq task has no {split!r} split; it has {have}</source>
        <translation>seq2seq タスクには {split!r} データがありません。あるのは {have} です</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="254" />
        <source>{question} → {answer} (teacher forcing)</source>
        <translation>{question} → {answer}（教師強制）</translation>
    </message>
    <message>
        <location filename="../engine/tasks/seq2seq.py" line="286" />
        <source>{task} · {model} · {cell} {hidden} · {source} · {vocab} characters · {params} parameters</source>
        <translation>{task} · {model} · {cell} {hidden} · {source} · {vocab} 文字 · パラメータ {params} 個</translation>
    </message>
    <message>
        <location filename="../engine/trainer.py" line="194" />
        <source>the loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../engine/trainer.py" line="195" />
        <source>the gradient norm</source>
        <translation>勾配のノルム</translation>
    </message>
    <message>
        <location filename="../engine/trainer.py" line="196" />
        <source>a parameter</source>
        <translation>パラメータ</translation>
    </message>
    <message>
        <location filename="../engine/trainer.py" line="197" />
        <source>lower the learning rate</source>
        <translation>学習率を下げてください</translation>
    </message>
    <message>
        <location filename="../engine/trainer.py" line="198" />
        <source>lower the learning rate or turn on gradient clipping (e.g. clip 5)</source>
        <translation>学習率を下げるか、勾配クリッピングを使ってください（例: クリッピング 5）</translation>
    </message>
    <message>
        <location filename="../engine/trainer.py" line="201" />
        <source>{hint}, or {task_hint}</source>
        <translation>{hint}。または、{task_hint}</translation>
    </message>
    <message>
        <location filename="../engine/trainer.py" line="204" />
        <source>{what} became NaN/Inf</source>
        <translation>{what}が NaN/Inf になりました</translation>
    </message>
    <message>
        <location filename="../engine/trainer.py" line="205" />
        <source>Training diverged at step {step}: {why} (lr {lr:g}). Restored the parameters of step {restored}; {hint}.</source>
        <translation>ステップ {step} で学習が発散しました: {why}（学習率 {lr:g}）。ステップ {restored} のパラメータに戻しました。{hint}。</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="34" />
        <source>files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="36" />
        <source>a named pipe (FIFO)</source>
        <translation>名前付きパイプ（FIFO）</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="37" />
        <source>a character device</source>
        <translation>キャラクタデバイス</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="38" />
        <source>a block device</source>
        <translation>ブロックデバイス</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="39" />
        <source>a socket</source>
        <translation>ソケット</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="39" />
        <source>a folder</source>
        <translation>フォルダ</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="54" />
        <source>not a regular file</source>
        <translation>通常のファイルではないもの</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="158" />
        <location filename="../engine/user_files.py" line="72" />
        <source>The {what} {path} is a folder, not a file.</source>
        <translation>{what} {path} はフォルダで、ファイルではありません。</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="74" />
        <source>The {what} {path} cannot be opened: {reason}.</source>
        <translation>{what} {path} を開けません: {reason}。</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="160" />
        <location filename="../engine/user_files.py" line="79" />
        <source>The {what} {path} is {kind}, not a regular file; only regular files are read.</source>
        <translation>{what} {path} は{kind}で、通常のファイルではありません。読み込むのは通常のファイルだけです。</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="96" />
        <source>The {what} {path} is {size}; {kind} larger than {most} are refused.</source>
        <translation>{what} {path} は {size} です。{most} を超える{kind}は読み込みません。</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="102" />
        <source>The {what} {path} could not be read: {reason}.</source>
        <translation>{what} {path} を読み込めませんでした: {reason}。</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="105" />
        <source>The {what} {path} is larger than {most} (it grew while being read).</source>
        <translation>{what} {path} は {most} を超えています（読み込み中に大きくなりました）。</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="118" />
        <source>The {what} {path} is not valid {encoding} text (byte {byte} at offset {offset}).</source>
        <translation>{what} {path} は正しい {encoding} テキストではありません（オフセット {offset} のバイト {byte}）。</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="131" />
        <source>The {what} {path} cannot be written: {reason}.</source>
        <translation>{what} {path} に書き込めません: {reason}。</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="136" />
        <source>The {what} {path} is {kind}, not a regular file.</source>
        <translation>{what} {path} は{kind}で、通常のファイルではありません。</translation>
    </message>
    <message>
        <location filename="../engine/user_files.py" line="155" />
        <source>The {what} {path} cannot be read: {reason}.</source>
        <translation>{what} {path} を読み込めません: {reason}。</translation>
    </message>
</context></TS>
