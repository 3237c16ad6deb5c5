<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>HeatmapWidget</name>
        <message numerus="yes">
            <location filename="../gui/widgets/heatmap.py" line="348" />
            <source>⚠ %n non-finite value(s) drawn as 0</source>
            <translation>
                <numerusform>⚠ %n non-finite value drawn as 0</numerusform>
                <numerusform>⚠ %n non-finite values drawn as 0</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LessonPanel</name>
        <message numerus="yes">
            <location filename="../gui/panels/lesson.py" line="32" />
            <source>About %Ln training step(s).</source>
            <translation>
                <numerusform>About %Ln training step.</numerusform>
                <numerusform>About %Ln training steps.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../gui/panels/lesson.py" line="36" />
            <source>Training pauses at step(s) {steps}, where the lesson asks you to look; press Space to go on.</source>
            <translation>
                <numerusform>Training pauses at step {steps}, where the lesson asks you to look; press Space to go on.</numerusform>
                <numerusform>Training pauses at steps {steps}, where the lesson asks you to look; press Space to go on.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <location filename="../gui/main_window.py" line="334" />
            <source>The model has trained for %Ln step(s). {what} This training is lost unless you save a checkpoint first.</source>
            <translation>
                <numerusform>The model has trained for %Ln step. {what} This training is lost unless you save a checkpoint first.</numerusform>
                <numerusform>The model has trained for %Ln steps. {what} This training is lost unless you save a checkpoint first.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Pace</name>
        <message numerus="yes">
            <location filename="../gui/pace.py" line="43" />
            <source>The binary adder learns in seconds, so it trains at %n step(s) per second for you to watch it; drag Speed to the right for full speed.</source>
            <translation>
                <numerusform>The binary adder learns in seconds, so it trains at %n step per second for you to watch it; drag Speed to the right for full speed.</numerusform>
                <numerusform>The binary adder learns in seconds, so it trains at %n steps per second for you to watch it; drag Speed to the right for full speed.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Recorder</name>
        <message numerus="yes">
            <location filename="../gui/recorder.py" line="144" />
            <source>Saved the recording %1: %n frame(s), %2 s, %3 × %4 pixels, %5.</source>
            <translation>
                <numerusform>Saved the recording %1: %n frame, %2 s, %3 × %4 pixels, %5.</numerusform>
                <numerusform>Saved the recording %1: %n frames, %2 s, %3 × %4 pixels, %5.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RunsPanel</name>
        <message numerus="yes">
            <location filename="../gui/panels/runs.py" line="240" />
            <source>current run: %Ln step(s)</source>
            <translation>
                <numerusform>current run: %Ln step</numerusform>
                <numerusform>current run: %Ln steps</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../gui/panels/runs.py" line="240" />
            <source>kept run: %Ln step(s)</source>
            <translation>
                <numerusform>kept run: %Ln step</numerusform>
                <numerusform>kept run: %Ln steps</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SampleTimelinePanel</name>
        <message numerus="yes">
            <location filename="../gui/panels/timeline.py" line="192" />
            <source>%n sample(s); next at step {step}</source>
            <translation>
                <numerusform>%n sample; next at step {step}</numerusform>
                <numerusform>%n samples; next at step {step}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SaturationPanel</name>
        <message numerus="yes">
            <location filename="../gui/panels/saturation.py" line="161" />
            <source>Fractions of {steps} timesteps: the last %n trace(s) of the display passage ({passage}). Each point is one unit.</source>
            <translation>
                <numerusform>Fractions of {steps} timesteps: the last %n trace of the display passage ({passage}). Each point is one unit.</numerusform>
                <numerusform>Fractions of {steps} timesteps: the last %n traces of the display passage ({passage}). Each point is one unit.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SessionMenu</name>
        <message numerus="yes">
            <location filename="../gui/session_menu.py" line="158" />
            <source>Exported %n run(s) to {path}</source>
            <translation>
                <numerusform>Exported %n run to {path}</numerusform>
                <numerusform>Exported %n runs to {path}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Threads</name>
        <message numerus="yes">
            <location filename="../gui/threads_menu.py" line="41" />
            <source>Automatic (%n: every core but one, left to the window)</source>
            <translation>
                <numerusform>Automatic (%n: every core but one, left to the window)</numerusform>
                <numerusform>Automatic (%n: every core but one, left to the window)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../gui/threads_menu.py" line="43" />
            <source>%n thread(s) (all cores)</source>
            <translation>
                <numerusform>%n thread (all cores)</numerusform>
                <numerusform>%n threads (all cores)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../gui/threads_menu.py" line="44" />
            <source>%n thread(s)</source>
            <translation>
                <numerusform>%n thread</numerusform>
                <numerusform>%n threads</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../gui/threads_menu.py" line="47" />
            <source>Training uses %n thread(s). Cores this machine lets RNN Lab use: {cores}.</source>
            <translation>
                <numerusform>Training uses %n thread. Cores this machine lets RNN Lab use: {cores}.</numerusform>
                <numerusform>Training uses %n threads. Cores this machine lets RNN Lab use: {cores}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../gui/threads_menu.py" line="71" />
            <source>Training uses %n thread(s) from the next step on.</source>
            <translation>
                <numerusform>Training uses %n thread from the next step on.</numerusform>
                <numerusform>Training uses %n threads from the next step on.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UnitTextPanel</name>
        <message numerus="yes">
            <location filename="../gui/panels/unit_text.py" line="285" />
            <source>%n unit(s) mark tokens {start}–{end}</source>
            <translation>
                <numerusform>%n unit marks tokens {start}–{end}</numerusform>
                <numerusform>%n units mark tokens {start}–{end}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WeightsPanel</name>
        <message numerus="yes">
            <location filename="../gui/panels/weights.py" line="194" />
            <source>to the {blocks} blocks, %n unit(s) each</source>
            <translation>
                <numerusform>to the {blocks} blocks, %n unit each</numerusform>
                <numerusform>to the {blocks} blocks, %n units each</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WordVectorsPanel</name>
        <message numerus="yes">
            <location filename="../gui/panels/word_vectors.py" line="205" />
            <source>%n word(s) not in the vocabulary: %1</source>
            <translation>
                <numerusform>%n word not in the vocabulary: %1</numerusform>
                <numerusform>%n words not in the vocabulary: %1</numerusform>
            </translation>
        </message>
    </context>
</TS>
